package io.podservice.query.podtemplates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiDates;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.Paging;
import io.podservice.api.web.QueryFilters;
import io.podservice.events.EventJson;
import io.podservice.identity.Caller;
import io.podservice.persistence.SqlQuery;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describePodTemplate and describePodTemplates: JD Cloud's PodTemplate (id, name, description,
 * podTemplateData, the autoscaling groups using it, none here, and createdTime), newest first, with
 * the filters podTemplateIds and name (exact).
 */
@RestController
class PodTemplateQueryController {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final Map<String, String> FILTERS = Map.of("podtemplateids", "pod_template_id", "name", "name");
    private static final String SELECT = "SELECT pod_template_id, name, description, data, created_time "
            + "FROM pod_template_view";

    private final JdbcTemplate jdbc;
    private final RegionCatalog regions;

    PodTemplateQueryController(JdbcTemplate jdbc, RegionCatalog regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    record PodTemplate(String id, String name, String description, JsonNode podTemplateData, List<Object> ags,
                       String createdTime) {
    }

    record DescribePodTemplateResult(PodTemplate podTemplate) {
    }

    record DescribePodTemplatesResult(List<PodTemplate> podTemplates, long totalCount) {
    }

    @Operation(operationId = "describePodTemplate", summary = "Describe a pod template")
    @GetMapping("/v1/regions/{regionId}/podTemplates/{podTemplateId}")
    ApiResponse<DescribePodTemplateResult> describePodTemplate(@PathVariable String regionId,
                                                               @PathVariable String podTemplateId) {
        regions.require(regionId);
        return ApiResponse.of(new DescribePodTemplateResult(jdbc.query(SELECT + " WHERE pod_template_id = ? "
                        + "AND account_id = ? AND region_id = ? AND NOT deleted", PodTemplateQueryController::template,
                podTemplateId, Caller.current().accountId(), regionId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("PodTemplate '" + podTemplateId + "' not found in " + regionId))));
    }

    @Operation(operationId = "describePodTemplates", summary = "List pod templates, a page at a time, with filters")
    @GetMapping({"/v1/regions/{regionId}/podTemplates", "/v1/regions/{regionId}/podTemplates/"})
    ApiResponse<DescribePodTemplatesResult> describePodTemplates(@PathVariable String regionId,
                                                                 @RequestParam(defaultValue = "1") int pageNumber,
                                                                 @RequestParam(defaultValue = "20") int pageSize,
                                                                 HttpServletRequest request) {
        regions.require(regionId);
        Paging paging = new Paging(pageNumber, pageSize);
        SqlQuery query = SqlQuery.where("account_id = ? AND region_id = ? AND NOT deleted", Caller.current().accountId(),
                regionId);
        for (QueryFilters.Filter filter : QueryFilters.parse(request.getParameterMap())) {
            String column = FILTERS.get(filter.name().toLowerCase(java.util.Locale.ROOT));
            if (column == null) {
                throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown filter '"
                        + filter.name() + "'; filters: podTemplateIds, name");
            }
            query.andIn(column, filter.values());
        }
        return ApiResponse.of(new DescribePodTemplatesResult(query.page(jdbc, SELECT, "created_time DESC, pod_template_id",
                paging.pageSize(), paging.offset(), PodTemplateQueryController::template),
                query.count(jdbc, "pod_template_view")));
    }

    private static PodTemplate template(ResultSet rs, int row) throws SQLException {
        try {
            return new PodTemplate(rs.getString(1), rs.getString(2), rs.getString(3), JSON.readTree(rs.getString(4)),
                    List.of(), ApiDates.format(rs.getTimestamp(5).toInstant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("pod_template_view holds data that is not JSON", e);
        }
    }
}
