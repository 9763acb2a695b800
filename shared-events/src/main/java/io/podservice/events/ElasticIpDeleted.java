package io.podservice.events;

import java.time.Instant;

/** An elastic IP bound to no pod was released; its address goes back to the pool. */
public record ElasticIpDeleted(String elasticIpId, String accountId, String regionId, String elasticIpAddress,
                               Instant deletedAt) implements NetworkEvent {
    @Override
    public String resourceId() {
        return elasticIpId;
    }
}
