package io.podservice.command.imagecache;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * createImageCache, createImageCaches, updateImageCache and deleteImageCache at JD Cloud's paths
 * (describeImageCache(s) and getMostSuitableImageCache are the query side's).
 */
@RestController
class ImageCacheCommandController {

    private static final String IMAGE_CACHE = "/v1/regions/{regionId}/imageCache/{imageCacheId}";

    private final RegionCatalog regions;
    private final ImageCaches imageCaches;

    ImageCacheCommandController(RegionCatalog regions, ImageCaches imageCaches) {
        this.regions = regions;
        this.imageCaches = imageCaches;
    }

    record CreateImageCacheRequest(String name, ImageCaches.Spec imageCacheSpec) {
    }

    record CreateImageCachesRequest(String name, List<ImageCaches.Spec> imageCacheSpecs) {
    }

    record UpdateImageCacheRequest(String name, Integer retentionDays) {
    }

    /** JD Cloud answers both creates with the list of new ids. */
    record CreateImageCacheResult(List<String> imageCacheId) {
    }

    @Operation(operationId = "createImageCache", summary = "Have every node of the region hold an image ahead of time")
    @PostMapping("/v1/regions/{regionId}/imageCache")
    ApiResponse<CreateImageCacheResult> create(@PathVariable String regionId, @RequestBody CreateImageCacheRequest request) {
        return ApiResponse.of(new CreateImageCacheResult(imageCaches.create(regions.require(regionId),
                Caller.current().accountId(), request.name(), request.imageCacheSpec() == null ? null
                        : java.util.Collections.singletonList(request.imageCacheSpec()), "imageCacheSpec")));
    }

    @Operation(operationId = "createImageCaches", summary = "Create several image caches at once")
    @PostMapping("/v1/regions/{regionId}/imageCaches")
    ApiResponse<CreateImageCacheResult> createMany(@PathVariable String regionId,
                                                   @RequestBody CreateImageCachesRequest request) {
        return ApiResponse.of(new CreateImageCacheResult(imageCaches.create(regions.require(regionId),
                Caller.current().accountId(), request.name(), request.imageCacheSpecs(), "imageCacheSpecs")));
    }

    @Operation(operationId = "updateImageCache", summary = "Rename an image cache or change its retention")
    @PatchMapping(IMAGE_CACHE + ":update")
    ApiResponse<Void> update(@PathVariable String regionId, @PathVariable String imageCacheId,
                             @RequestBody UpdateImageCacheRequest request) {
        regions.require(regionId);
        imageCaches.update(Caller.current().accountId(), regionId, imageCacheId, request.name(), request.retentionDays());
        return ApiResponse.empty();
    }

    @Operation(operationId = "deleteImageCache", summary = "Delete an image cache that is Ready or Error")
    @DeleteMapping(IMAGE_CACHE)
    ApiResponse<Void> delete(@PathVariable String regionId, @PathVariable String imageCacheId) {
        regions.require(regionId);
        imageCaches.delete(Caller.current().accountId(), regionId, imageCacheId);
        return ApiResponse.empty();
    }
}
