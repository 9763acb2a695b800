package io.podservice.events;

import java.time.Instant;

/** An elastic IP was allocated from the service's address pool. */
public record ElasticIpCreated(String elasticIpId, String accountId, String regionId, String elasticIpAddress,
                               int bandwidthMbps, String provider, Instant createdAt) implements NetworkEvent {
    @Override
    public String resourceId() {
        return elasticIpId;
    }
}
