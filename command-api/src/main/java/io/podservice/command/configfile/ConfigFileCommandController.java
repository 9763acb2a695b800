package io.podservice.command.configfile;

import io.podservice.api.catalog.RegionCatalog;
import io.podservice.api.web.ApiResponse;
import io.podservice.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** createConfigFile, updateConfigFile and deleteConfigFile (describeConfigFile is the query side's). */
@RestController
class ConfigFileCommandController {

    private static final String CONFIG_FILE = "/v1/regions/{regionId}/configFiles/{name}";

    private final RegionCatalog regions;
    private final ConfigFiles configFiles;

    ConfigFileCommandController(RegionCatalog regions, ConfigFiles configFiles) {
        this.regions = regions;
        this.configFiles = configFiles;
    }

    record CreateConfigFileRequest(String name, List<ConfigFiles.Entry> data) {
    }

    record UpdateConfigFileRequest(List<ConfigFiles.Entry> data) {
    }

    record ConfigFileName(String name) {
    }

    @Operation(operationId = "createConfigFile", summary = "Create a config file: named files (Base64 values) pods mount")
    @PostMapping("/v1/regions/{regionId}/configFiles")
    ApiResponse<ConfigFileName> create(@PathVariable String regionId, @RequestBody CreateConfigFileRequest request) {
        regions.require(regionId);
        configFiles.create(Caller.current().accountId(), regionId, request.name(), request.data());
        return ApiResponse.of(new ConfigFileName(request.name()));
    }

    @Operation(operationId = "updateConfigFile", summary = "Replace a config file's files; pods that mount it see them")
    @PostMapping(CONFIG_FILE + ":update")
    ApiResponse<ConfigFileName> update(@PathVariable String regionId, @PathVariable String name,
                                       @RequestBody UpdateConfigFileRequest request) {
        regions.require(regionId);
        configFiles.update(Caller.current().accountId(), regionId, name, request.data());
        return ApiResponse.of(new ConfigFileName(name));
    }

    @Operation(operationId = "deleteConfigFile", summary = "Delete a config file no pod mounts")
    @DeleteMapping(CONFIG_FILE)
    ApiResponse<Void> delete(@PathVariable String regionId, @PathVariable String name) {
        regions.require(regionId);
        configFiles.delete(Caller.current().accountId(), regionId, name);
        return ApiResponse.empty();
    }
}
