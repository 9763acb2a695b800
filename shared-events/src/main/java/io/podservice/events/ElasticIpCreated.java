package io.podservice.events;

import java.time.Instant;

/** An elastic IP was allocated from the service's address pool ({@code elasticIpName} optional). */
public record ElasticIpCreated(String elasticIpId, String accountId, String regionId, String elasticIpAddress,
                               int bandwidthMbps, String provider, Instant createdAt, String elasticIpName)
        implements NetworkEvent {
    @Override
    public String resourceId() {
        return elasticIpId;
    }
}
