package io.podservice.events;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Which nodes a pod event is for: the node the pod is placed on when the event happens, and for a
 * {@link PodScheduled} that moves the pod, the node it leaves as well. Carried as the header
 * {@value #HEADER} (node ids, comma-separated), so a node filters the stream without reading the
 * events of other nodes' pods. Events of other aggregates, and pod events written before pods
 * were placed, have no such header.
 */
public final class NodeRouting {

    public static final String HEADER = "pod-nodes";
    /** The name of the Axon metadata entry the Pod aggregate writes the same list under. */
    public static final String METADATA = "podNodes";

    private NodeRouting() {
    }

    /** The nodes as one value: node ids cannot hold a comma. */
    public static String join(List<String> nodeIds) {
        return String.join(",", nodeIds.stream().filter(id -> id != null && !id.isEmpty()).distinct().toList());
    }

    public static void put(ProducerRecord<String, byte[]> record, String joined) {
        if (joined != null && !joined.isEmpty()) {
            record.headers().add(HEADER, joined.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The nodes the record is for; empty when it names none (not a pod event, or one from before placement). */
    public static List<String> of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        if (header == null || header.value().length == 0) {
            return List.of();
        }
        return Arrays.asList(new String(header.value(), StandardCharsets.UTF_8).split(","));
    }
}
