package io.podservice.query.imagecaches;

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
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * describeImageCache, describeImageCaches and getMostSuitableImageCache: JD Cloud's ImageCache
 * (size in GB, imageName, createTime, expireDateTime, lastMatchedTime, useCount, status), with
 * {@code nodes} added: each node asked and its answer.
 */
@RestController
class ImageCacheQueryController {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final String SELECT = """
            SELECT v.image_cache_id, v.name, v.size_gb, v.image, v.created_time, v.retention_days, v.status, v.node_ids,
                   v.answers, (SELECT count(*) FROM image_cache_use u WHERE u.image_cache_id = v.image_cache_id),
                   (SELECT max(matched_time) FROM image_cache_use u WHERE u.image_cache_id = v.image_cache_id)
            FROM image_cache_view v""";
    private static final String LIVE = "v.account_id = ? AND v.region_id = ? AND NOT v.deleted";

    private final JdbcTemplate jdbc;
    private final RegionCatalog regions;

    ImageCacheQueryController(JdbcTemplate jdbc, RegionCatalog regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    record NodeAnswer(String nodeId, String status, String message, Long sizeBytes, String reportedTime) {
    }

    record ImageCache(String imageCacheId, String name, int size, String imageName, String createTime,
                      String expireDateTime, String lastMatchedTime, long useCount, String snapShotId, String status,
                      List<NodeAnswer> nodes) {
    }

    record DescribeImageCacheResult(ImageCache imageCache) {
    }

    record DescribeImageCachesResult(List<ImageCache> imageCaches, long totalCount) {
    }

    record GetMostSuitableImageCacheResult(boolean found, ImageCache imageCache) {
    }

    @Operation(operationId = "describeImageCache", summary = "Describe an image cache and each node's answer")
    @GetMapping("/v1/regions/{regionId}/imageCache/{imageCacheId}")
    ApiResponse<DescribeImageCacheResult> describeImageCache(@PathVariable String regionId,
                                                             @PathVariable String imageCacheId) {
        regions.require(regionId);
        return ApiResponse.of(new DescribeImageCacheResult(jdbc.query(SELECT + " WHERE v.image_cache_id = ? AND " + LIVE,
                (rs, row) -> cache(rs), imageCacheId, Caller.current().accountId(), regionId).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("ImageCache '" + imageCacheId + "' not found in " + regionId))));
    }

    @Operation(operationId = "describeImageCaches", summary = "List image caches, a page at a time, with filters")
    @GetMapping({"/v1/regions/{regionId}/imageCaches", "/v1/regions/{regionId}/imageCaches/"})
    ApiResponse<DescribeImageCachesResult> describeImageCaches(@PathVariable String regionId,
                                                               @RequestParam(defaultValue = "1") int pageNumber,
                                                               @RequestParam(defaultValue = "20") int pageSize,
                                                               HttpServletRequest request) {
        regions.require(regionId);
        Paging paging = new Paging(pageNumber, pageSize);
        SqlQuery query = SqlQuery.where(LIVE, Caller.current().accountId(), regionId);
        for (QueryFilters.Filter filter : QueryFilters.parse(request.getParameterMap())) {
            switch (filter.name().toLowerCase(Locale.ROOT)) {
                case "imagecacheid" -> query.andIn("v.image_cache_id", filter.values());
                case "status" -> query.andIn("v.status", filter.values());
                case "name" -> query.andContains("v.name", filter.values().get(0));
                default -> throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown "
                        + "filter '" + filter.name() + "'; filters: imageCacheId, status, name");
            }
        }
        return ApiResponse.of(new DescribeImageCachesResult(query.page(jdbc, SELECT, "v.created_time DESC, v.image_cache_id",
                paging.pageSize(), paging.offset(), (rs, row) -> cache(rs)), query.count(jdbc, "image_cache_view v")));
    }

    /**
     * JD Cloud's match: the account's Ready, unexpired caches of exactly {@code image} (and {@code
     * secret} when given, of at most {@code size} GB when given), the smallest first, then the newest.
     */
    @Operation(operationId = "getMostSuitableImageCache", summary = "The image cache a pod of this image would use")
    @GetMapping("/v1/regions/{regionId}/imageCache:getMostSuitable")
    ApiResponse<GetMostSuitableImageCacheResult> getMostSuitableImageCache(@PathVariable String regionId,
                                                                           @RequestParam(required = false) String image,
                                                                           @RequestParam(required = false) String secret,
                                                                           @RequestParam(required = false) Integer size) {
        regions.require(regionId);
        if (image == null || image.isBlank()) {
            throw ApiException.invalidArgument("Invalid image: is required");
        }
        List<ImageCache> found = jdbc.query(SELECT + " WHERE " + LIVE + " AND v.image = ? AND v.status = 'Ready' "
                        + "AND (v.retention_days = 0 OR v.created_time + v.retention_days * interval '1 day' > now()) "
                        + "AND (?::text IS NULL OR v.secret = ?) AND (?::integer IS NULL OR v.size_gb <= ?) "
                        + "ORDER BY v.size_gb, v.created_time DESC LIMIT 1", (rs, row) -> cache(rs),
                Caller.current().accountId(), regionId, image, secret, secret, size, size);
        return ApiResponse.of(new GetMostSuitableImageCacheResult(!found.isEmpty(), found.isEmpty() ? null : found.get(0)));
    }

    private static ImageCache cache(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp(5);
        int retention = rs.getInt(6);
        Timestamp matched = rs.getTimestamp(11);
        return new ImageCache(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                ApiDates.format(created.toInstant()),
                retention == 0 ? null : ApiDates.format(created.toInstant().plus(java.time.Duration.ofDays(retention))),
                matched == null ? null : ApiDates.format(matched.toInstant()), rs.getLong(10), null, rs.getString(7),
                nodes((String[]) rs.getArray(8).getArray(), rs.getString(9)));
    }

    private static List<NodeAnswer> nodes(String[] asked, String answersJson) {
        JsonNode answers;
        try {
            answers = JSON.readTree(answersJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("image_cache_view holds answers that are not JSON", e);
        }
        List<NodeAnswer> nodes = new ArrayList<>();
        for (String nodeId : asked) {
            JsonNode answer = answers.path(nodeId);
            nodes.add(answer.isMissingNode() ? new NodeAnswer(nodeId, "Creating", null, null, null)
                    : new NodeAnswer(nodeId, answer.path("status").asText(), answer.path("message").asText(null),
                    answer.path("sizeBytes").asLong(), answer.path("reportedTime").asText(null)));
        }
        return nodes;
    }
}
