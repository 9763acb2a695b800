package io.podservice.api.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Quota limits per resource type ({@code pod.quota.*}): defaults for every account and overrides
 * per account name. The command side enforces them; describeQuota reports them.
 */
@ConfigurationProperties(prefix = "pod.quota")
public class QuotaLimits {

    public static final String POD = "pod";
    public static final String CONTAINER = "container";
    public static final String SECRET = "secret";
    public static final String VPC = "vpc";
    public static final String SUBNET = "subnet";
    public static final String SECURITY_GROUP = "securityGroup";
    public static final String ELASTIC_IP = "elasticIp";
    /** Config files of an account in a region (JD Cloud lists no quota for them; this service keeps one). */
    public static final String CONFIG_FILE = "configFile";
    public static final String POD_TEMPLATE = "podTemplate";
    public static final String IMAGE_CACHE = "imageCache";
    /** Cloud disks (JD Cloud's disk service, type {@code disk}): those of createDisks and of createPods. */
    public static final String DISK = "disk";
    /** Disk snapshots (JD Cloud's disk service, type {@code snapshot}; JD Cloud's default is 15 per region). */
    public static final String SNAPSHOT = "snapshot";

    private Map<String, Integer> defaults = new LinkedHashMap<>(Map.ofEntries(Map.entry(POD, 100),
            Map.entry(CONTAINER, 400), Map.entry(SECRET, 50), Map.entry(VPC, 10), Map.entry(SUBNET, 50),
            Map.entry(SECURITY_GROUP, 50), Map.entry(ELASTIC_IP, 20), Map.entry(CONFIG_FILE, 50),
            Map.entry(POD_TEMPLATE, 20), Map.entry(IMAGE_CACHE, 20), Map.entry(DISK, 100), Map.entry(SNAPSHOT, 15)));
    private Map<String, Map<String, Integer>> accounts = new LinkedHashMap<>();

    public Map<String, Integer> getDefaults() {
        return defaults;
    }

    public void setDefaults(Map<String, Integer> defaults) {
        this.defaults.putAll(defaults);
    }

    public Map<String, Map<String, Integer>> getAccounts() {
        return accounts;
    }

    public void setAccounts(Map<String, Map<String, Integer>> accounts) {
        this.accounts = accounts;
    }

    /** The limit of {@code resourceType} for the account of that name. */
    public int limit(String accountName, String resourceType) {
        Map<String, Integer> own = accountName == null ? null : accounts.get(accountName);
        if (own != null && own.containsKey(resourceType)) {
            return own.get(resourceType);
        }
        return defaults.getOrDefault(resourceType, 0);
    }
}
