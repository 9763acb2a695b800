package io.podservice.gateway;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.events.PodPhase;
import io.podservice.identity.Caller;
import io.podservice.api.node.PodDirectory;
import io.podservice.api.node.PodDirectory.PodPlacement;

/** May the caller reach this container now? Another account's pod is not found; a pod not running refuses. */
class PodAccess {

    private final PodDirectory pods;
    private final RegionCatalog regions;

    PodAccess(PodDirectory pods, RegionCatalog regions) {
        this.pods = pods;
        this.regions = regions;
    }

    PodPlacement container(String regionId, String podId, String container, boolean mustRun) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        PodPlacement pod = pods.find(podId)
                .filter(v -> v.regionId().equals(regionId) && v.accountId().equals(accountId) && !v.deleted())
                .orElseThrow(() -> ApiException.notFound("Pod '" + podId + "' not found in region " + regionId));
        if (!pod.containers().contains(container)) {
            throw ApiException.notFound("Container '" + container + "' not found in pod '" + podId + "'");
        }
        if (mustRun && pod.phase() != PodPhase.RUNNING) {
            throw ApiException.failedPrecondition("Pod '" + podId + "' is " + pod.phase().wireName()
                    + "; this operation needs a running pod");
        }
        return pod;
    }
}
