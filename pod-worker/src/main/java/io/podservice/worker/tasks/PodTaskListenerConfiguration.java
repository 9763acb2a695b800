package io.podservice.worker.tasks;

import io.podservice.worker.WorkerProperties;
import java.time.Duration;
import java.util.Collection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties.AckMode;

/**
 * The Kafka side of the pods' workers: the pod events' listener reads in the node's own consumer
 * group and acknowledges by hand (an event is done when its pod's worker has reported its result,
 * not when the listener returns); a partition taken away by a rebalance among the node's own
 * consumers is first drained: the tasks of its events finish here, and their offsets are committed.
 */
@Configuration(proxyBeanMethods = false)
class PodTaskListenerConfiguration {

    static final String FACTORY = "podTaskListenerFactory";
    private static final Logger log = LoggerFactory.getLogger(PodTaskListenerConfiguration.class);

    @Bean(destroyMethod = "close")
    PodWorkers podWorkers(WorkerProperties properties) {
        return new PodWorkers(properties.getPodWorkerThreads());
    }

    @Bean
    FinishedOffsets finishedOffsets() {
        return new FinishedOffsets();
    }

    @Bean(FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> podTaskListenerFactory(
            ConsumerFactory<String, byte[]> consumers, FinishedOffsets offsets, WorkerProperties properties,
            io.podservice.worker.reconcile.DesiredStateLoader loader) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumers);
        factory.setConcurrency(properties.getConcurrency());
        factory.getContainerProperties().setAckMode(AckMode.MANUAL);
        // a consumer group per node: each node reads every partition and keeps the events addressed to it
        // (NodeRouting), so no node takes another's pods when nodes come and go
        factory.getContainerProperties().setGroupId(PodTaskConsumer.groupOf(properties.getWorkerId()));
        Duration drain = properties.getRebalanceDrainTimeout();
        factory.getContainerProperties().setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {
            @Override
            public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                // the line Spring writes when no listener of one's own is set; operators (and tests) read it
                // the pods' state up to where this consumer resumes, before it hands over the first task
                java.util.Map<TopicPartition, Long> positions = new java.util.HashMap<>();
                partitions.forEach(partition -> positions.put(partition, consumer.position(partition)));
                try {
                    loader.load(partitions, positions);
                } catch (RuntimeException e) {
                    log.warn("the desired state of {} not folded on assignment ({}); the first reconciliation folds it",
                            partitions, e.toString());
                }
                log.info("{}: partitions assigned: {}", PodTaskConsumer.GROUP, partitions);
            }

            @Override
            public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                log.info("{}: partitions revoked: {}", PodTaskConsumer.GROUP, partitions);
            }

            @Override
            public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
                try {
                    if (!offsets.drain(partitions, drain)) {
                        log.warn("partitions {} given up with tasks still running after {}; their events run again on "
                                + "the next owner", partitions, drain);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        return factory;
    }
}
