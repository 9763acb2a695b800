package io.podservice.events;

/**
 * An event of the ImageCache aggregate: an image the nodes hold ahead of time (JD Cloud's image
 * cache), so a pod that names it starts without a pull.
 */
public sealed interface ImageCacheEvent extends ServiceEvent permits ImageCacheCreated, ImageCacheUpdated,
        ImageCacheNodeReported, ImageCacheDeleted {

    String imageCacheId();

    String accountId();

    String regionId();

    @Override
    default String aggregateId() {
        return imageCacheId();
    }
}
