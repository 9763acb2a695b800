package io.podservice.query.rest;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.podservice.query.pods.PodViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * checkPodName: whether a name may be used for new pods. A question, not a command, so the read
 * side answers it (the gateway routes {@code :checkPodName} here although it is a POST).
 */
@RestController
class PodNameController {

    /** JD Cloud's answers: 0 the name may be used, 1 it is empty, 2 it breaks the naming rule, 3 a pod has it. */
    static final int OK = 0;
    static final int EMPTY = 1;
    static final int INVALID = 2;
    static final int TAKEN = 3;
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(
            "^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

    private final PodViewRepository views;
    private final RegionCatalog regions;

    PodNameController(PodViewRepository views, RegionCatalog regions) {
        this.views = views;
        this.regions = regions;
    }

    record CheckPodNameRequest(String podName, @Min(1) @Max(100) Integer maxCount) {
    }

    record CheckPodNameResult(int code, String reason) {
    }

    @Operation(operationId = "checkPodName", summary = "Check whether a pod name is valid and free in the region")
    @PostMapping("/v1/regions/{regionId}/pods:checkPodName")
    ApiResponse<CheckPodNameResult> checkPodName(@PathVariable String regionId,
                                                 @RequestBody @jakarta.validation.Valid CheckPodNameRequest request) {
        regions.require(regionId);
        String name = request.podName();
        int count = request.maxCount() == null ? 1 : request.maxCount();
        if (name == null || name.isEmpty()) {
            return ApiResponse.of(new CheckPodNameResult(EMPTY, "podName is empty"));
        }
        if (!DNS1123_SUBDOMAIN.matcher(name).matches() || count > 1 && name.length() > 253 - 4) {
            return ApiResponse.of(new CheckPodNameResult(INVALID, "podName must be a DNS-1123 subdomain: DNS-1123 labels "
                    + "(lowercase letters, digits or '-', starting and ending with a letter or digit) joined by '.', 253 "
                    + "characters in all" + (count > 1 ? " (with room for the '-N' suffix of maxCount pods)" : "")));
        }
        String accountId = Caller.current().accountId();
        for (int i = 1; i <= count; i++) {
            String candidate = count == 1 ? name : name + "-" + i;
            if (views.nameInUse(accountId, regionId, candidate)) {
                return ApiResponse.of(new CheckPodNameResult(TAKEN, "podName '" + candidate
                        + "' is already used by a pod of this account in " + regionId));
            }
        }
        return ApiResponse.of(new CheckPodNameResult(OK, null));
    }
}
