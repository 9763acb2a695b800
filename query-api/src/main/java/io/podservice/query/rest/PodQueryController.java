package io.podservice.query.rest;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.query.pods.PodProjection;
import io.podservice.query.pods.PodView;
import io.podservice.query.pods.PodViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The pod describe operations. */
@RestController
class PodQueryController {

    private final PodViewRepository views;
    private final PodProjection projection;
    private final RegionCatalog regions;

    PodQueryController(PodViewRepository views, PodProjection projection, RegionCatalog regions) {
        this.views = views;
        this.projection = projection;
        this.regions = regions;
    }

    @Operation(operationId = "describePod", summary = "Describe one pod")
    @GetMapping("/v1/regions/{regionId}/pods/{podId}")
    ApiResponse<DescribePodResult> describePod(@PathVariable String regionId, @PathVariable String podId) {
        regions.require(regionId);
        PodView view = find(podId)
                .filter(v -> v.regionId().equals(regionId))
                .orElseThrow(() -> ApiException.notFound("Pod '" + podId + "' not found in region " + regionId));
        return ApiResponse.of(new DescribePodResult(PodResponse.of(view)));
    }

    /**
     * Read-your-writes: a pod the projection has not seen yet (its events still on their way
     * through Kafka) is caught up from the event store before answering 404.
     */
    private Optional<PodView> find(String podId) {
        Optional<PodView> view = views.find(podId);
        if (view.isPresent()) {
            return view;
        }
        projection.catchUp(podId);
        return views.find(podId);
    }

    record DescribePodResult(PodResponse pod) {
    }
}
