package io.podservice.command.pod;

import io.podservice.events.PodDefinition;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the pod {@code podId} from an accepted, validated definition. */
public record CreatePod(
        @TargetAggregateIdentifier String podId,
        String accountId,
        String regionId,
        PodDefinition definition,
        Instant requestedAt) {
}
