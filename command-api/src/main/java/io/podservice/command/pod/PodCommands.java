package io.podservice.command.pod;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands on an existing pod. Each names the account of the caller; another account's pod is not found. */
public final class PodCommands {

    private PodCommands() {
    }

    public record StartPod(@TargetAggregateIdentifier String podId, String accountId) {
    }

    public record StopPod(@TargetAggregateIdentifier String podId, String accountId) {
    }

    public record DeletePod(@TargetAggregateIdentifier String podId, String accountId,
                            boolean deletePrimaryNetworkInterfaceAllElasticIp) {
    }

    /** {@code null} keeps a value as it is. */
    public record ModifyPodAttribute(@TargetAggregateIdentifier String podId, String accountId, String name,
                                     String description) {
    }
}
