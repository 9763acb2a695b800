package io.podservice.command.scheduling;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The pod's node {@code nodeId} was declared lost ({@code lost}) or is being drained by an
 * operator: the pod is moved to another node, or failed (the service's own command, no account
 * behind it). Handled by the Pod aggregate.
 */
public record EvacuatePod(@TargetAggregateIdentifier String podId, String nodeId, boolean lost) {

    /** What an evacuation did with a pod; BUSY: a task of it is in flight on the live node, ask again later. */
    public enum Outcome { MOVED, FAILED, DELETED, STAYED, BUSY, NOT_THERE }
}
