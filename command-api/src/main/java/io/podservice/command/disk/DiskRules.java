package io.podservice.command.disk;

import io.podservice.api.web.ApiException;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * JD Cloud's rules for a disk's type and size ({@code pod.disk.*}): types {@code hdd.std1},
 * {@code ssd.gp1} and {@code ssd.io1}; a pod's data volume 20 to 4,000 GB and a disk of createDisks
 * 20 to 16,000 GB, in steps of 10. The smallest size and the step are settings so that a test can
 * make a 1 GB disk; an operator leaves them alone.
 */
@Component
@ConfigurationProperties(prefix = "pod.disk")
public class DiskRules {

    public static final List<String> TYPES = List.of("hdd.std1", "ssd.gp1", "ssd.io1");
    public static final int MAX_VOLUME_GB = 4000;
    public static final int MAX_DISK_GB = 16000;

    private int minSizeGb = 20;
    private int sizeStepGb = 10;

    public int getMinSizeGb() {
        return minSizeGb;
    }

    public void setMinSizeGb(int minSizeGb) {
        this.minSizeGb = minSizeGb;
    }

    public int getSizeStepGb() {
        return sizeStepGb;
    }

    public void setSizeStepGb(int sizeStepGb) {
        this.sizeStepGb = sizeStepGb;
    }

    /** INVALID_ARGUMENT naming {@code field} unless {@code type} is one of {@link #TYPES} (null: the default). */
    public static void requireType(String field, String type) {
        if (type != null && !TYPES.contains(type)) {
            throw ApiException.invalidArgument("Invalid " + field + ": one of " + String.join(", ", TYPES) + "; got '"
                    + type + "'");
        }
    }

    /** INVALID_ARGUMENT naming {@code field} unless {@code sizeGB} is from the minimum to {@code max} in steps. */
    public void requireSize(String field, Integer sizeGB, int max) {
        if (sizeGB == null || sizeGB < minSizeGb || sizeGB > max || (sizeGB - minSizeGb) % sizeStepGb != 0) {
            throw ApiException.invalidArgument("Invalid " + field + ": " + minSizeGb + " to " + max + " GB in steps of "
                    + sizeStepGb + "; got " + (sizeGB == null ? "none" : sizeGB));
        }
    }
}
