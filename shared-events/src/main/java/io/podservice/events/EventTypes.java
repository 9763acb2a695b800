package io.podservice.events;

import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of event types as they travel on Kafka: a stable name and a version per type.
 * Within a version only additive changes are allowed; a breaking change gets a new version.
 */
public final class EventTypes {

    public static final int CURRENT_VERSION = 1;

    private static final Map<String, Class<? extends ServiceEvent>> BY_NAME = Map.ofEntries(
            Map.entry("PodCreated", PodCreated.class),
            Map.entry("PodRunning", PodRunning.class),
            Map.entry("PodFailed", PodFailed.class),
            Map.entry("PodStopping", PodStopping.class),
            Map.entry("PodStopped", PodStopped.class),
            Map.entry("PodStarting", PodStarting.class),
            Map.entry("PodDeleting", PodDeleting.class),
            Map.entry("PodDeleted", PodDeleted.class),
            Map.entry("PodAttributesModified", PodAttributesModified.class),
            Map.entry("PodRebuilding", PodRebuilding.class),
            Map.entry("PodRebuilt", PodRebuilt.class),
            Map.entry("PodContainersChanged", PodContainersChanged.class),
            Map.entry("PodPlaced", PodPlaced.class),
            Map.entry("PodElasticIpAssociated", PodElasticIpAssociated.class),
            Map.entry("PodElasticIpDisassociated", PodElasticIpDisassociated.class),
            Map.entry("VpcCreated", VpcCreated.class),
            Map.entry("VpcDeleted", VpcDeleted.class),
            Map.entry("SubnetCreated", SubnetCreated.class),
            Map.entry("SubnetDeleted", SubnetDeleted.class),
            Map.entry("SecurityGroupCreated", SecurityGroupCreated.class),
            Map.entry("SecurityGroupRulesAdded", SecurityGroupRulesAdded.class),
            Map.entry("SecurityGroupDeleted", SecurityGroupDeleted.class),
            Map.entry("ElasticIpCreated", ElasticIpCreated.class),
            Map.entry("ElasticIpDeleted", ElasticIpDeleted.class),
            Map.entry("SecretCreated", SecretCreated.class),
            Map.entry("SecretDeleted", SecretDeleted.class));

    private EventTypes() {
    }

    public static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }

    /** Every event type by its name on the wire. */
    public static Map<String, Class<? extends ServiceEvent>> all() {
        return BY_NAME;
    }

    public static Optional<Class<? extends ServiceEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
