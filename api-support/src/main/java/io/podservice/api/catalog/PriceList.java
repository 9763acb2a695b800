package io.podservice.api.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Prices ({@code pod.billing.*}): per hour of running, by instance type; per hour and Mbps of a
 * bound elastic IP; a prepaid month is 720 hours at the hourly price. Metered amounts are prorated to
 * the second and rounded to 6 decimals; a prepaid payment is to the cent. Shared by billing (usage)
 * and the command side (prepaid payments).
 */
@ConfigurationProperties(prefix = "pod.billing")
public class PriceList {

    /** The hours of a month of a prepaid pod (30 days). */
    public static final int HOURS_A_MONTH = 720;

    private String currency = "CNY";
    private Map<String, BigDecimal> instanceTypeHourly = new LinkedHashMap<>(Map.of(
            "g.n2.medium", new BigDecimal("0.36"), "g.n2.large", new BigDecimal("0.72"),
            "g.n2.xlarge", new BigDecimal("1.44"), "c.n2.large", new BigDecimal("0.60"),
            "c.n2.xlarge", new BigDecimal("1.20"), "m.n2.large", new BigDecimal("0.90"),
            "m.n2.xlarge", new BigDecimal("1.80")));
    /** The hourly price of an instance type the list does not name. */
    private BigDecimal defaultHourly = new BigDecimal("0.50");
    private BigDecimal elasticIpMbpsHourly = new BigDecimal("0.10");

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public Map<String, BigDecimal> getInstanceTypeHourly() {
        return instanceTypeHourly;
    }

    public void setInstanceTypeHourly(Map<String, BigDecimal> instanceTypeHourly) {
        this.instanceTypeHourly.putAll(instanceTypeHourly);
    }

    public BigDecimal getDefaultHourly() {
        return defaultHourly;
    }

    public void setDefaultHourly(BigDecimal defaultHourly) {
        this.defaultHourly = defaultHourly;
    }

    public BigDecimal getElasticIpMbpsHourly() {
        return elasticIpMbpsHourly;
    }

    public void setElasticIpMbpsHourly(BigDecimal elasticIpMbpsHourly) {
        this.elasticIpMbpsHourly = elasticIpMbpsHourly;
    }

    /**
     * A month of the instance type paid ahead (prepaid_by_duration): 720 hours at the hourly price,
     * to the cent.
     */
    public BigDecimal monthly(String instanceType) {
        return instanceTypeHourly.getOrDefault(instanceType, defaultHourly).multiply(BigDecimal.valueOf(HOURS_A_MONTH))
                .setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** An hour of the instance type (a postpaid pod by duration is charged this for every hour it exists). */
    public BigDecimal hourly(String instanceType) {
        return instanceTypeHourly.getOrDefault(instanceType, defaultHourly);
    }

    public BigDecimal running(String instanceType, double seconds) {
        return prorated(instanceTypeHourly.getOrDefault(instanceType, defaultHourly), seconds);
    }

    public BigDecimal elasticIp(int bandwidthMbps, double seconds) {
        return prorated(elasticIpMbpsHourly.multiply(BigDecimal.valueOf(bandwidthMbps)), seconds);
    }

    private static BigDecimal prorated(BigDecimal hourly, double seconds) {
        return hourly.multiply(BigDecimal.valueOf(seconds)).divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
    }
}
