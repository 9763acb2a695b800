package io.podservice.api.catalog;

import io.podservice.api.web.ApiException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The regions this deployment serves and their availability zones ({@code pod.regions}). */
@ConfigurationProperties(prefix = "pod")
public class RegionCatalog {

    private List<Region> regions = List.of(new Region("cn-north-1", List.of("cn-north-1a", "cn-north-1b", "cn-north-1c")));

    public List<Region> getRegions() {
        return regions;
    }

    public void setRegions(List<Region> regions) {
        this.regions = List.copyOf(regions);
    }

    /** The region, or INVALID_ARGUMENT naming the regions that exist. */
    public Region require(String regionId) {
        Map<String, Region> byId = regions.stream().collect(Collectors.toMap(Region::id, Function.identity()));
        Region region = byId.get(regionId);
        if (region == null) {
            throw ApiException.invalidArgument("Invalid regionId: '" + regionId + "' is not a region of this service; known regions: "
                    + String.join(", ", byId.keySet().stream().sorted().toList()));
        }
        return region;
    }

    public record Region(String id, List<String> azs) {
        public Region {
            azs = azs == null ? List.of() : List.copyOf(azs);
        }
    }
}
