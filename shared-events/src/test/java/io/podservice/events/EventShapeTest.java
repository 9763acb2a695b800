package io.podservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The events on Kafka are a published contract (docs/events.md). Within a version only additive
 * changes are allowed: this test fails when a field of an event of the current version is removed,
 * renamed or changes type, unless {@link EventTypes#CURRENT_VERSION} is bumped (with an upcaster for
 * the old version and a new recorded shape file). Added fields must be recorded too.
 */
class EventShapeTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String RECORDED = "/event-shapes/v" + EventTypes.CURRENT_VERSION + ".json";

    @Test
    void theEventsKeepTheShapeRecordedForTheirVersion() throws IOException {
        Map<String, Map<String, String>> current = EventShapes.ofAll(EventTypes.all());
        // the shapes as they are now, to copy over the recorded file after an additive change
        Path written = Path.of("target", "event-shapes-v" + EventTypes.CURRENT_VERSION + ".json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, JSON.writeValueAsString(current));
        Map<String, Map<String, String>> recorded = recorded();

        assertThat(EventShapes.breaking(recorded, current))
                .as("breaking changes to events of version %d (within a version only additive changes are "
                        + "allowed: bump EventTypes.CURRENT_VERSION, add an upcaster for version %d and record "
                        + "src/test/resources/event-shapes/v%d.json)", EventTypes.CURRENT_VERSION,
                        EventTypes.CURRENT_VERSION, EventTypes.CURRENT_VERSION + 1)
                .isEmpty();
        assertThat(EventShapes.unrecorded(recorded, current))
                .as("fields added within version %d (allowed) but not recorded: copy %s over src/test/resources%s "
                        + "and describe them in docs/events.md", EventTypes.CURRENT_VERSION, written, RECORDED)
                .isEmpty();
    }

    @Test
    void aRenamedFieldIsABreakingChange() throws IOException {
        Map<String, Map<String, String>> renamed = copy(EventShapes.ofAll(EventTypes.all()));
        Map<String, String> podDeleted = renamed.get("PodDeleted");
        podDeleted.put("removedAt", podDeleted.remove("deletedAt"));

        assertThat(EventShapes.breaking(recorded(), renamed))
                .containsExactly("PodDeleted.deletedAt (string(date-time)): gone (removed or renamed)");
        assertThat(EventShapes.unrecorded(recorded(), renamed)).containsExactly("PodDeleted.removedAt");
    }

    @Test
    void aChangedTypeIsABreakingChange() throws IOException {
        Map<String, Map<String, String>> changed = copy(EventShapes.ofAll(EventTypes.all()));
        changed.get("ElasticIpCreated").put("bandwidthMbps", "string");

        assertThat(EventShapes.breaking(recorded(), changed))
                .containsExactly("ElasticIpCreated.bandwidthMbps: integer became string");
    }

    private static Map<String, Map<String, String>> recorded() throws IOException {
        try (InputStream in = EventShapeTest.class.getResourceAsStream(RECORDED)) {
            assertThat(in).as("recorded shapes %s", RECORDED).isNotNull();
            return JSON.readValue(in, new TypeReference<>() { });
        }
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> shapes) {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        shapes.forEach((event, fields) -> copy.put(event, new LinkedHashMap<>(fields)));
        return copy;
    }

}
