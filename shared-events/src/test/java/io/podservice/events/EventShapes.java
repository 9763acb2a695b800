package io.podservice.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON shape of the event types: per type, every field path ({@code definition.containers[].image})
 * with its JSON type, as Jackson writes the records. Compared with the recorded shapes of the
 * current version by {@link EventShapeTest}.
 */
final class EventShapes {

    private EventShapes() {
    }

    static Map<String, Map<String, String>> ofAll(Map<String, Class<? extends ServiceEvent>> types) {
        Map<String, Map<String, String>> shapes = new TreeMap<>();
        types.forEach((name, type) -> shapes.put(name, of(type)));
        return shapes;
    }

    static Map<String, String> of(Class<?> record) {
        Map<String, String> fields = new TreeMap<>();
        walk(record, "", fields, new ArrayList<>());
        return fields;
    }

    private static void walk(Class<?> record, String prefix, Map<String, String> fields, List<Class<?>> path) {
        for (RecordComponent component : record.getRecordComponents()) {
            describe(component.getGenericType(), prefix + component.getName(), fields, path, record);
        }
    }

    private static void describe(Type type, String name, Map<String, String> fields, List<Class<?>> path,
                                 Class<?> owner) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                fields.put(name, "array");
                describe(generic.getActualTypeArguments()[0], name + "[]", fields, path, owner);
                return;
            }
            if (Map.class.isAssignableFrom(raw)) {
                fields.put(name, "object<string," + scalar((Class<?>) generic.getActualTypeArguments()[1]) + ">");
                return;
            }
        }
        Class<?> plain = (Class<?>) type;
        if (plain.isRecord()) {
            fields.put(name, "object");
            if (!path.contains(plain)) {
                List<Class<?>> deeper = new ArrayList<>(path);
                deeper.add(plain);
                walk(plain, name + ".", fields, deeper);
            }
            return;
        }
        fields.put(name, scalar(plain));
    }

    private static String scalar(Class<?> type) {
        if (type == String.class || type.isEnum()) {
            return "string";
        }
        if (type == Instant.class) {
            return "string(date-time)";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "integer";
        }
        if (type == double.class || type == Double.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean";
        }
        return type.getSimpleName();
    }

    /** The recorded fields that are gone or changed type in {@code current}: breaking changes. */
    static List<String> breaking(Map<String, Map<String, String>> recorded, Map<String, Map<String, String>> current) {
        List<String> problems = new ArrayList<>();
        recorded.forEach((event, fields) -> {
            Map<String, String> now = current.get(event);
            if (now == null) {
                problems.add(event + ": the event type is gone");
                return;
            }
            fields.forEach((field, type) -> {
                if (!now.containsKey(field)) {
                    problems.add(event + "." + field + " (" + type + "): gone (removed or renamed)");
                } else if (!now.get(field).equals(type)) {
                    problems.add(event + "." + field + ": " + type + " became " + now.get(field));
                }
            });
        });
        return problems;
    }

    /** The fields of {@code current} not in {@code recorded}: additive changes, to be recorded. */
    static List<String> unrecorded(Map<String, Map<String, String>> recorded, Map<String, Map<String, String>> current) {
        List<String> added = new ArrayList<>();
        current.forEach((event, fields) -> fields.keySet().forEach(field -> {
            if (!recorded.containsKey(event) || !recorded.get(event).containsKey(field)) {
                added.add(event + "." + field);
            }
        }));
        return added;
    }
}
