package io.podservice.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void anEventSurvivesTheTripThroughAKafkaRecord() {
        PodDefinition definition = new PodDefinition("web", "d", "h", "g.n2.medium", "cn-north-1a", "Always", 30, 1.5, 2048,
                List.of(new ContainerDefinition("app", "busybox:1", List.of("sh"), List.of("-c", "true"),
                        List.of(new ContainerDefinition.EnvVar("A", "1")), "/tmp", true)));
        EventEnvelope sent = new EventEnvelope("event-1", "pod-1", 3, Instant.parse("2026-11-27T10:00:00.123Z"), "req-1", "acct-1", "JDC_KEY",
                new PodCreated("pod-1", "acct-1", "cn-north-1", "task-1", definition, Instant.parse("2026-11-27T10:00:00Z")));

        ProducerRecord<String, byte[]> record = sent.toRecord();
        assertThat(record.topic()).isEqualTo(Topics.POD_EVENTS);
        assertThat(record.key()).isEqualTo("pod-1");
        ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(record.topic(), 0, 0, record.key(), record.value());
        record.headers().forEach(h -> received.headers().add(h));

        assertThat(EventEnvelope.fromRecord(received)).contains(sent);
        assertThat(new String(received.headers().lastHeader(EventHeaders.EVENT_TYPE).value())).isEqualTo("PodCreated");
        assertThat(new String(received.headers().lastHeader(EventHeaders.EVENT_VERSION).value())).isEqualTo("1");
    }

    @Test
    void anEventTypeThisVersionDoesNotKnowIsSkipped() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.POD_EVENTS, 0, 0, "pod-1", "{}".getBytes());
        record.headers().add(EventHeaders.EVENT_TYPE, "PodTeleported".getBytes());
        assertThat(EventEnvelope.fromRecord(record)).isEmpty();
    }

    @Test
    void timesAreIsoStringsAndNullsAreLeftOut() {
        String json = new String(EventJson.write(new PodFailed("pod-1", "t", "Reason", null,
                Instant.parse("2026-11-27T10:00:00Z"), List.of())));
        assertThat(json).contains("\"failedAt\":\"2026-11-27T10:00:00Z\"").doesNotContain("message");
    }
}
