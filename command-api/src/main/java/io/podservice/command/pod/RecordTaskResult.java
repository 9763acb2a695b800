package io.podservice.command.pod;

import io.podservice.events.PodTaskResult;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A worker's report about a task of pod {@code podId}, to be checked against the task in flight. */
public record RecordTaskResult(@TargetAggregateIdentifier String podId, PodTaskResult result) {
}
