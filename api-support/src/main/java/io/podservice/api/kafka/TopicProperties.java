package io.podservice.api.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the service's topics are created ({@code pod.kafka.*}). Partitions bound how many workers
 * and projection consumers can share the load; replication must not exceed the brokers.
 */
@ConfigurationProperties(prefix = "pod.kafka")
public class TopicProperties {

    private int partitions = 6;
    private short replicationFactor = 1;

    public int getPartitions() {
        return partitions;
    }

    public void setPartitions(int partitions) {
        this.partitions = partitions;
    }

    public short getReplicationFactor() {
        return replicationFactor;
    }

    public void setReplicationFactor(short replicationFactor) {
        this.replicationFactor = replicationFactor;
    }
}
