package io.podservice.api.node;

import io.podservice.events.PodPhase;
import java.util.List;
import java.util.Optional;

/**
 * Where a pod is, for the node gateway: whose it is, its phase, its containers and the node that
 * runs it. The read side keeps it (from the pods' events); the gateway asks it in the same JVM or
 * over the read side's internal endpoint.
 */
public interface PodDirectory {

    /** The pod, deleted ones included (they are marked), or empty when there never was one. */
    Optional<PodPlacement> find(String podId);

    /** One pod as the gateway needs it; {@code nodeId} and {@code nodeUrl} are null until a node reported it. */
    record PodPlacement(String podId, String accountId, String regionId, PodPhase phase, boolean deleted,
                        List<String> containers, String nodeId, String nodeUrl) {

        public PodPlacement {
            containers = List.copyOf(containers);
        }
    }
}
