package io.podservice.command.pod;

import io.podservice.events.PodDefinition;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Create the pod {@code podId} from an accepted, validated definition, on the node the scheduler chose. */
public record CreatePod(
        @TargetAggregateIdentifier String podId,
        String accountId,
        String regionId,
        PodDefinition definition,
        io.podservice.command.scheduling.Placement placement,
        Instant requestedAt) {
}
