package io.podservice.worker.network;

import io.podservice.api.node.NodeIdentity;
import io.podservice.events.EventJson;
import io.podservice.events.NodeHeartbeat;
import io.podservice.events.Topics;
import io.podservice.worker.DaemonThreads;
import io.podservice.worker.WorkerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The other nodes' tunnel ends, learnt from the heartbeats the service's node table is made of
 * ({@link Topics#NODE_HEARTBEATS}): every node that has an overlay address and was heard within
 * {@code pod.worker.overlay-peer-timeout}. Read from that long ago on start (by the records'
 * timestamps), so a node joining knows its peers within one heartbeat interval, and followed
 * without a consumer group: each node reads every heartbeat.
 */
@Component
public class OverlayPeers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OverlayPeers.class);

    private record Peer(String address, Instant heardAt) {
    }

    private final WorkerProperties properties;
    private final NodeIdentity node;
    private final ConsumerFactory<String, byte[]> consumers;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private volatile Thread reader;
    private volatile boolean running;

    OverlayPeers(WorkerProperties properties, NodeIdentity node, ConsumerFactory<String, byte[]> consumers) {
        this.properties = properties;
        this.node = node;
        this.consumers = consumers;
    }

    /** The tunnel ends of the other live nodes, in order. */
    public Set<String> addresses() {
        Instant since = clock.instant().minus(properties.getOverlayPeerTimeout());
        return peers.values().stream().filter(peer -> peer.heardAt().isAfter(since)).map(Peer::address)
                .filter(address -> !address.equals(properties.getOverlayAddress()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    void heard(NodeHeartbeat heartbeat) {
        if (heartbeat.overlayAddress() == null || heartbeat.nodeId().equals(node.nodeId())) {
            return;
        }
        Peer before = peers.put(heartbeat.nodeId(), new Peer(heartbeat.overlayAddress(), heartbeat.sentAt()));
        if (before == null || !before.address().equals(heartbeat.overlayAddress())) {
            log.info("overlay peer {} at {}", heartbeat.nodeId(), heartbeat.overlayAddress());
        }
    }

    @Override
    public void start() {
        if (!properties.overlay()) {
            return;
        }
        running = true;
        reader = DaemonThreads.named("overlay-peers").newThread(this::read);
        reader.start();
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = reader;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void read() {
        while (running) {
            try (Consumer<String, byte[]> consumer = consumers.createConsumer(null, "overlay-peers-" + node.nodeId())) {
                List<TopicPartition> partitions = consumer.partitionsFor(Topics.NODE_HEARTBEATS, Duration.ofSeconds(30))
                        .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                consumer.assign(partitions);
                long since = clock.instant().minus(properties.getOverlayPeerTimeout()).toEpochMilli();
                Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(
                        partitions.stream().collect(Collectors.toMap(p -> p, p -> since)));
                for (TopicPartition partition : partitions) {
                    OffsetAndTimestamp offset = offsets.get(partition);
                    if (offset == null) {
                        consumer.seekToEnd(List.of(partition));
                    } else {
                        consumer.seek(partition, offset.offset());
                    }
                }
                while (running) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                        try {
                            heard(EventJson.read(record.value(), NodeHeartbeat.class));
                        } catch (RuntimeException unreadable) {
                            log.debug("skipping an unreadable heartbeat at {}", record.offset());
                        }
                    }
                }
            } catch (org.apache.kafka.common.errors.InterruptException | org.apache.kafka.common.errors.WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("reading the nodes' heartbeats for overlay peers failed, again in 5 s: {}", e.getMessage());
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }
}
