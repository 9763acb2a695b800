package io.podservice.events;

import java.time.Instant;

/**
 * The scheduler placed the pod on the node {@code nodeId}: from now on that node alone acts on it.
 * Each placement has a {@code generation} one higher than the one before, so a node that was given
 * the pod before (and was lost meanwhile) knows it is no longer the pod's node.
 *
 * <p>At creation the placement has no task of its own (the {@link PodCreated} task is carried out
 * on the node). When the pod is moved off a lost node, {@code taskId} names the task that creates
 * it afresh on its new node: the pod is {@code pending} again until that node reports.
 *
 * @param previousNodeId the node it was placed on before, null for the first placement
 * @param taskId         the task that (re)creates the pod on {@code nodeId}, or null
 * @param accountId      when the pod moves: its account, region and definition, all the new node needs to know
 *                       it (it has seen none of the pod's earlier events); null for the first placement
 */
public record PodScheduled(
        String podId,
        String nodeId,
        String nodeUrl,
        long generation,
        String previousNodeId,
        String taskId,
        String accountId,
        String regionId,
        PodDefinition definition,
        Instant scheduledAt) implements PodEvent {

    /** The pod's first placement, made with it: the node learns the rest from its creation. */
    public static PodScheduled placement(String podId, String nodeId, String nodeUrl, long generation,
                                         String previousNodeId, Instant at) {
        return new PodScheduled(podId, nodeId, nodeUrl, generation, previousNodeId, null, null, null, null, at);
    }

    /** As the pod would have been created on its new node: where the fold of a node that never saw it starts. */
    public PodCreated asCreation(Instant createdAt) {
        return new PodCreated(podId, accountId, regionId, taskId, definition, createdAt);
    }
}
