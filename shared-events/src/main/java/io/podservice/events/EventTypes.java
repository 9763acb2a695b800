package io.podservice.events;

import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of event types as they travel on Kafka: a stable name and a version per type.
 * Within a version only additive changes are allowed; a breaking change gets a new version.
 */
public final class EventTypes {

    public static final int CURRENT_VERSION = 1;

    private static final Map<String, Class<? extends PodEvent>> BY_NAME = Map.of(
            "PodCreated", PodCreated.class,
            "PodRunning", PodRunning.class,
            "PodFailed", PodFailed.class,
            "PodStopping", PodStopping.class,
            "PodStopped", PodStopped.class,
            "PodStarting", PodStarting.class,
            "PodDeleting", PodDeleting.class,
            "PodDeleted", PodDeleted.class,
            "PodAttributesModified", PodAttributesModified.class);

    private EventTypes() {
    }

    public static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }

    public static Optional<Class<? extends PodEvent>> classOf(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }
}
