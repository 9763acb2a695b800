package io.podservice.events;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * The catalogue of event types as they travel on Kafka: a stable name and a version per type.
 * Within a version only additive changes are allowed; a breaking change gets a new version.
 */
public final class EventTypes {

    public static final int CURRENT_VERSION = 1;

    /** Every concrete event, found by walking the sealed {@link ServiceEvent} hierarchy: nothing to list by hand. */
    private static final Map<String, Class<? extends ServiceEvent>> BY_NAME;

    static {
        Map<String, Class<? extends ServiceEvent>> found = new TreeMap<>();
        collect(ServiceEvent.class, found);
        BY_NAME = Collections.unmodifiableMap(found);
    }

    private static void collect(Class<?> type, Map<String, Class<? extends ServiceEvent>> found) {
        if (type.isSealed()) {
            for (Class<?> sub : type.getPermittedSubclasses()) {
                collect(sub, found);
            }
        } else if (!type.isInterface()) {
            Class<? extends ServiceEvent> event = type.asSubclass(ServiceEvent.class);
            Class<?> other = found.put(nameOf(event), event);
            if (other != null && other != event) {
                throw new IllegalStateException("two events are named " + nameOf(event) + ": " + other + ", " + event);
            }
        }
    }

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
