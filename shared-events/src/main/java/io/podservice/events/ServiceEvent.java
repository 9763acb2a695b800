package io.podservice.events;

/** An event of any aggregate of the service; all travel on {@link Topics#POD_EVENTS}, keyed by aggregate id. */
public sealed interface ServiceEvent permits PodEvent, SecretEvent, NetworkEvent, NodeEvent, AccountEvent,
        ConfigFileEvent, PodTemplateEvent, ImageCacheEvent, DiskEvent, SnapshotEvent {

    String aggregateId();
}
