package io.podservice.events;

import io.podservice.events.PodSpecParts.SecurityGroupRule;
import java.time.Instant;
import java.util.List;

/**
 * An elastic IP was bound to the pod's primary interface. The node maps it 1:1 to the pod's
 * private address; {@code ingressRules} are the ingress rules of the pod's security groups at
 * this moment (empty list with {@code filtered} true: nothing may come in; {@code filtered} false:
 * the pod has no security group and everything may).
 */
public record PodElasticIpAssociated(String podId, String elasticIpId, String elasticIpAddress, boolean filtered,
                                     List<SecurityGroupRule> ingressRules, Instant associatedAt) implements PodEvent {
    public PodElasticIpAssociated {
        ingressRules = ingressRules == null ? List.of() : List.copyOf(ingressRules);
    }
}
