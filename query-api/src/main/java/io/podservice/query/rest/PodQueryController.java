package io.podservice.query.rest;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.Paging;
import io.podservice.api.web.QueryFilters;
import io.podservice.identity.Caller;
import io.podservice.query.network.SecurityGroupNames;
import io.podservice.query.pods.PodFilter;
import io.podservice.query.nodes.NodeStates;
import io.podservice.query.pods.PodView;
import io.podservice.query.pods.PodViewRepository;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The pod describe operations; every answer is scoped to the calling account. */
@RestController
class PodQueryController {

    private final PodViewRepository views;
    private final RegionCatalog regions;
    private final SecurityGroupNames groupNames;
    private final NodeStates nodes;
    private final io.podservice.query.pods.PrepaidPeriods prepaid;

    PodQueryController(PodViewRepository views, RegionCatalog regions, SecurityGroupNames groupNames, NodeStates nodes,
                       io.podservice.query.pods.PrepaidPeriods prepaid) {
        this.prepaid = prepaid;
        this.views = views;
        this.regions = regions;
        this.groupNames = groupNames;
        this.nodes = nodes;
    }

    @Operation(operationId = "describePod", summary = "Describe one pod")
    @GetMapping("/v1/regions/{regionId}/pods/{podId}")
    ApiResponse<DescribePodResult> describePod(@PathVariable String regionId, @PathVariable String podId) {
        regions.require(regionId);
        String accountId = Caller.current().accountId();
        PodView view = find(podId)
                .filter(v -> v.regionId().equals(regionId) && v.accountId().equals(accountId) && !v.deleted())
                .orElseThrow(() -> ApiException.notFound("Pod '" + podId + "' not found in region " + regionId));
        return ApiResponse.of(new DescribePodResult(shown(List.of(view)).get(0)));
    }

    @Operation(operationId = "describeContainer", summary = "Describe one container of a pod")
    @GetMapping("/v1/regions/{regionId}/pods/{podId}/containers/{containerName:[^:]+}")
    ApiResponse<DescribeContainerResult> describeContainer(@PathVariable String regionId, @PathVariable String podId,
                                                           @PathVariable String containerName) {
        PodResponse pod = describePod(regionId, podId).result().pod();
        return ApiResponse.of(new DescribeContainerResult(pod.containers().stream()
                .filter(c -> c.name().equals(containerName))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Container '" + containerName + "' not found in pod '" + podId
                        + "'; containers: " + String.join(", ", pod.containers().stream()
                        .map(PodResponse.Container::name).toList())))));
    }

    @Operation(operationId = "describePods", summary = "List pods, a page at a time, with filters")
    @GetMapping("/v1/regions/{regionId}/pods")
    ApiResponse<DescribePodsResult> describePods(@PathVariable String regionId,
                                                 @RequestParam(defaultValue = "1") int pageNumber,
                                                 @RequestParam(defaultValue = "20") int pageSize,
                                                 HttpServletRequest request) {
        regions.require(regionId);
        Paging paging = new Paging(pageNumber, pageSize);
        PodViewRepository.Page page = views.page(Caller.current().accountId(), regionId,
                filter(QueryFilters.parse(request.getParameterMap()), QueryFilters.tags(request.getParameterMap())),
                paging.pageNumber(), paging.pageSize());
        return ApiResponse.of(new DescribePodsResult(shown(page.pods()), page.totalCount()));
    }

    /** The pods in the API's shape, the names of their security groups and the states of their nodes looked up at once. */
    private List<PodResponse> shown(List<PodView> pods) {
        Map<String, String> names = groupNames.of(pods.stream()
                .filter(p -> p.definition().network() != null)
                .flatMap(p -> p.definition().network().securityGroupIds().stream())
                .collect(Collectors.toSet()));
        Map<String, NodeStates.NodeState> states = nodes.of(pods.stream().map(PodView::nodeId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        Map<String, io.podservice.query.pods.PrepaidPeriods.Period> paid = prepaid.of(pods.stream().map(PodView::podId)
                .toList());
        Map<String, java.time.Instant> arrear = prepaid.inArrear(pods.stream().map(PodView::accountId)
                .collect(Collectors.toSet()));
        return pods.stream().map(p -> PodResponse.of(p, names, p.nodeId() == null ? null : states.get(p.nodeId()),
                paid.get(p.podId()), arrear.get(p.accountId()))).toList();
    }

    private static PodFilter filter(List<QueryFilters.Filter> filters, List<QueryFilters.TagFilter> tags) {
        Map<String, List<String>> exact = new LinkedHashMap<>();
        Map<String, String> fuzzy = new LinkedHashMap<>();
        for (QueryFilters.Filter f : filters) {
            if (PodFilter.EXACT_COLUMNS.containsKey(f.name())) {
                exact.merge(f.name(), f.values(), (a, b) -> a.stream().filter(b::contains).toList());
            } else if (PodFilter.FUZZY_COLUMNS.containsKey(f.name())) {
                if (f.values().size() != 1 || fuzzy.containsKey(f.name())) {
                    throw ApiException.invalidArgument("Invalid filters." + f.index() + ".values: filter '" + f.name()
                            + "' matches fuzzily and takes exactly one value");
                }
                fuzzy.put(f.name(), f.values().get(0));
            } else {
                throw ApiException.invalidArgument("Invalid filters." + f.index() + ".name: unknown filter '" + f.name()
                        + "'; filters: podId, privateIpAddress, az, vpcId, phase, name, subnetId, agId");
            }
        }
        return new PodFilter(exact, fuzzy,
                tags.stream().map(t -> new PodFilter.Tag(t.key(), t.values().stream().distinct().toList())).toList());
    }

    @Operation(operationId = "describePodsStatus", summary = "List the pods' brief status, a page at a time, with "
            + "describePods' filters (pageSize up to 500)")
    @GetMapping("/v1/regions/{regionId}/podsStatus")
    ApiResponse<DescribePodsStatusResult> describePodsStatus(@PathVariable String regionId,
                                                             @RequestParam(defaultValue = "1") int pageNumber,
                                                             @RequestParam(defaultValue = "20") int pageSize,
                                                             HttpServletRequest request) {
        regions.require(regionId);
        Paging paging = new Paging(pageNumber, pageSize, BRIEF_MAX_PAGE_SIZE);
        PodViewRepository.Page page = views.page(Caller.current().accountId(), regionId,
                filter(QueryFilters.parse(request.getParameterMap()), QueryFilters.tags(request.getParameterMap())),
                paging.pageNumber(), paging.pageSize());
        return ApiResponse.of(new DescribePodsStatusResult(shown(page.pods()).stream().map(BriefPodStatus::of).toList(),
                page.totalCount()));
    }

    /** describePodsStatus's page size limit, as JD Cloud documents it ("取值范围[10, 500]"). */
    static final int BRIEF_MAX_PAGE_SIZE = 500;

    /** JD Cloud's BriefPodStatus: the pod's identity, its status and its containers' states. */
    record BriefPodStatus(String podId, String name, String description, String az, PodResponse.Ag ag,
                          String instanceType, PodResponse.PodStatus podStatus, List<PodResponse.Container> containers,
                          java.time.Instant createTime) {
        static BriefPodStatus of(PodResponse pod) {
            return new BriefPodStatus(pod.podId(), pod.name(), pod.description(), pod.az(), pod.ag(),
                    pod.instanceType(), pod.podStatus(), pod.containers(), pod.createTime());
        }
    }

    record DescribePodsStatusResult(List<BriefPodStatus> podsStatus, long totalCount) {
    }

    /** Read-your-writes is already done: every GET waited for the caller's own writes (query.consistency). */
    private Optional<PodView> find(String podId) {
        return views.find(podId);
    }

    record DescribePodResult(PodResponse pod) {
    }

    record DescribeContainerResult(PodResponse.Container container) {
    }

    record DescribePodsResult(List<PodResponse> pods, long totalCount) {
    }
}
