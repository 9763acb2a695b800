package io.podservice.query.secrets;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.api.web.Paging;
import io.podservice.api.web.QueryFilters;
import io.podservice.identity.Caller;
import io.podservice.persistence.SqlQuery;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** describeSecret and describeSecrets: a secret's name, type, time and registry data, never its password. */
@RestController
class SecretQueryController {

    private final JdbcTemplate jdbc;
    private final RegionCatalog regions;

    SecretQueryController(JdbcTemplate jdbc, RegionCatalog regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    /** The registry data as createSecret takes it (JD Cloud's DockerRegistryData): Base64 values, no password. */
    record Data(String server, String username, String email) {
        static Data base64(String server, String username, String email) {
            return new Data(b64(server), b64(username), b64(email));
        }

        private static String b64(String value) {
            return value == null ? null
                    : java.util.Base64.getEncoder().encodeToString(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** JD Cloud's Secret model: the kind is {@code type} (createSecret's request calls it secretType). */
    record Secret(String name, String type, Instant createdAt, Data data) {
    }

    record DescribeSecretResult(Secret secret) {
    }

    record DescribeSecretsResult(List<Secret> secrets, long totalCount) {
    }

    private static final String COLUMNS = "name, secret_type, created_at, server, username, email";

    @Operation(operationId = "describeSecret", summary = "Describe a secret (without its password)")
    @GetMapping("/v1/regions/{regionId}/secrets/{name}")
    ApiResponse<DescribeSecretResult> describeSecret(@PathVariable String regionId, @PathVariable String name) {
        regions.require(regionId);
        return ApiResponse.of(new DescribeSecretResult(jdbc.query("SELECT " + COLUMNS + " FROM secret_view "
                        + "WHERE account_id = ? AND region_id = ? AND name = ? AND NOT deleted",
                (rs, row) -> secret(rs), Caller.current().accountId(), regionId, name).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("Secret '" + name + "' not found in " + regionId))));
    }

    @Operation(operationId = "describeSecrets", summary = "List secrets, a page at a time, with filters")
    @GetMapping("/v1/regions/{regionId}/secrets")
    ApiResponse<DescribeSecretsResult> describeSecrets(@PathVariable String regionId,
                                                       @RequestParam(defaultValue = "1") int pageNumber,
                                                       @RequestParam(defaultValue = "20") int pageSize,
                                                       HttpServletRequest request) {
        regions.require(regionId);
        Paging paging = new Paging(pageNumber, pageSize);
        SqlQuery query = SqlQuery.where("account_id = ? AND region_id = ? AND NOT deleted",
                Caller.current().accountId(), regionId);
        for (QueryFilters.Filter filter : QueryFilters.parse(request.getParameterMap())) {
            switch (filter.name()) {
                // JD Cloud: the name filter is fuzzy, one value
                case "name" -> query.andContains("name", filter.values().get(0));
                case "secretType", "type" -> query.andIn("secret_type", filter.values());
                default -> throw ApiException.invalidArgument("Invalid filters." + filter.index() + ".name: unknown filter '"
                        + filter.name() + "'; filters: name, type");
            }
        }
        long total = query.count(jdbc, "secret_view");
        List<Secret> secrets = query.page(jdbc, "SELECT " + COLUMNS + " FROM secret_view", "created_at DESC, secret_id",
                paging.pageSize(), paging.offset(), (rs, row) -> secret(rs));
        return ApiResponse.of(new DescribeSecretsResult(secrets, total));
    }

    private static Secret secret(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Secret(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                Data.base64(rs.getString(4), rs.getString(5), rs.getString(6)));
    }
}
