package io.podservice.command.quota;

import io.podservice.api.catalog.QuotaLimits;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.identity.Accounts;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether new resources fit an account's quotas in a region: how many pods (pod and container
 * quotas), whether one more secret. Must run inside the transaction that creates them: it locks
 * the account's usage rows until that transaction ends, so two concurrent creates decide one after
 * the other and never both take the last slot.
 */
@Component
public class Quotas {

    private final JdbcTemplate jdbc;
    private final QuotaLimits limits;
    private final Accounts accounts;

    Quotas(JdbcTemplate jdbc, QuotaLimits limits, Accounts accounts) {
        this.jdbc = jdbc;
        this.limits = limits;
        this.accounts = accounts;
    }

    /** How many pods fit, and if not all do, which quota stops them. */
    public record Fit(int pods, String refusal) {

        /** QUOTA_EXCEEDED in the API's format, naming the quota, its limit and its use. */
        public ApiException exceeded() {
            return new ApiException(ErrorStatus.QUOTA_EXCEEDED, refusal);
        }
    }

    /**
     * Takes the account's quota rows in the region for the rest of the transaction: whatever the
     * caller checks and creates after this, no concurrent createPods of the account does meanwhile.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String accountId, String regionId) {
        lockedUsage(accountId, regionId, QuotaLimits.POD);
        lockedUsage(accountId, regionId, QuotaLimits.CONTAINER);
    }

    /** How many of {@code wanted} pods of {@code containersPerPod} containers fit the account's quotas. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Fit fit(String accountId, String regionId, int wanted, int containersPerPod) {
        String name = accounts.nameOf(accountId).orElse(null);
        long pods = lockedUsage(accountId, regionId, QuotaLimits.POD);
        long containers = lockedUsage(accountId, regionId, QuotaLimits.CONTAINER);
        long podRoom = limits.limit(name, QuotaLimits.POD) - pods;
        long containerRoom = (limits.limit(name, QuotaLimits.CONTAINER) - containers) / Math.max(1, containersPerPod);
        int fits = (int) Math.max(0, Math.min(wanted, Math.min(podRoom, containerRoom)));
        boolean podsFull = podRoom <= containerRoom;
        String type = podsFull ? QuotaLimits.POD : QuotaLimits.CONTAINER;
        return new Fit(fits, "Quota exceeded: the " + type + " quota of this account in " + regionId + " is "
                + limits.limit(name, type) + " and " + (podsFull ? pods : containers) + " are used"
                + (podsFull ? "" : "; each pod needs " + containersPerPod + " containers"));
    }

    /** One more secret, or QUOTA_EXCEEDED naming the secret quota. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireSecretRoom(String accountId, String regionId) {
        requireRoom(accountId, regionId, QuotaLimits.SECRET, 1);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void requireConfigFileRoom(String accountId, String regionId) {
        requireRoom(accountId, regionId, QuotaLimits.CONFIG_FILE, 1);
    }

    /** How many more of {@code resourceType} the account may have in the region (0 when full). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int room(String accountId, String regionId, String resourceType) {
        long used = lockedUsage(accountId, regionId, resourceType);
        return (int) Math.max(0, limits.limit(accounts.nameOf(accountId).orElse(null), resourceType) - used);
    }

    /** Room for {@code count} more of {@code resourceType}, or QUOTA_EXCEEDED naming the quota, its limit and its use. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireRoom(String accountId, String regionId, String resourceType, int count) {
        long used = lockedUsage(accountId, regionId, resourceType);
        int limit = limits.limit(accounts.nameOf(accountId).orElse(null), resourceType);
        if (used + count > limit) {
            throw new ApiException(ErrorStatus.QUOTA_EXCEEDED, "Quota exceeded: the " + resourceType
                    + " quota of this account in " + regionId + " is " + limit + " and " + used + " are used"
                    + (count > 1 ? "; " + count + " more were asked for" : ""));
        }
    }

    /** The account's limit of {@code resourceType} and how much of it is used now (read, not locked). */
    public Quota quota(String accountId, String regionId, String resourceType) {
        List<Long> used = jdbc.queryForList("SELECT used FROM quota_usage WHERE account_id = ? AND region_id = ? "
                + "AND resource_type = ?", Long.class, accountId, regionId, resourceType);
        return new Quota(resourceType, limits.limit(accounts.nameOf(accountId).orElse(null), resourceType),
                used.isEmpty() ? 0 : used.get(0));
    }

    /** A quota as describeQuota shows it. */
    public record Quota(String resourceType, long limit, long used) {
    }

    private long lockedUsage(String accountId, String regionId, String resourceType) {
        jdbc.update("INSERT INTO quota_usage (account_id, region_id, resource_type, used) VALUES (?, ?, ?, 0) "
                + "ON CONFLICT DO NOTHING", accountId, regionId, resourceType);
        List<Long> used = jdbc.queryForList("SELECT used FROM quota_usage WHERE account_id = ? AND region_id = ? "
                + "AND resource_type = ? FOR UPDATE", Long.class, accountId, regionId, resourceType);
        return used.isEmpty() ? 0 : used.get(0);
    }
}
