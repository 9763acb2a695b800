package io.podservice.events;

import java.time.Instant;

/** The pod's elastic IP was unbound (disassociateElasticIp, or deletePod releasing it). */
public record PodElasticIpDisassociated(String podId, String elasticIpId, String elasticIpAddress,
                                        Instant disassociatedAt) implements PodEvent {
}
