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

    private Map<String, Integer> defaults = new LinkedHashMap<>(Map.of(POD, 100, CONTAINER, 400, SECRET, 50,
            VPC, 10, SUBNET, 50, SECURITY_GROUP, 50, ELASTIC_IP, 20, CONFIG_FILE, 50, POD_TEMPLATE, 20, IMAGE_CACHE, 20));
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
