package io.podservice.query.configfiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiResponse;
import io.podservice.events.EventJson;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** describeConfigFile: JD Cloud's ConfigFile (its name and its files, values Base64 as given). */
@RestController
class ConfigFileQueryController {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private final JdbcTemplate jdbc;
    private final RegionCatalog regions;

    ConfigFileQueryController(JdbcTemplate jdbc, RegionCatalog regions) {
        this.jdbc = jdbc;
        this.regions = regions;
    }

    record ConfigFileData(String key, String value) {
    }

    record ConfigFile(String name, List<ConfigFileData> data) {
    }

    record DescribeConfigFileResult(ConfigFile configFile) {
    }

    @Operation(operationId = "describeConfigFile", summary = "Describe a config file: its files")
    @GetMapping("/v1/regions/{regionId}/configFiles/{name}")
    ApiResponse<DescribeConfigFileResult> describeConfigFile(@PathVariable String regionId, @PathVariable String name) {
        regions.require(regionId);
        return ApiResponse.of(new DescribeConfigFileResult(jdbc.query("SELECT name, data FROM config_file_view "
                        + "WHERE account_id = ? AND region_id = ? AND name = ? AND NOT deleted",
                (rs, row) -> new ConfigFile(rs.getString(1), data(rs.getString(2))),
                Caller.current().accountId(), regionId, name).stream().findFirst()
                .orElseThrow(() -> ApiException.notFound("ConfigFile '" + name + "' not found in " + regionId))));
    }

    private static List<ConfigFileData> data(String json) {
        try {
            return JSON.readValue(json, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("config_file_view holds data that is not a list of entries", e);
        }
    }
}
