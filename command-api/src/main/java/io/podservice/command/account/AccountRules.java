package io.podservice.command.account;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import org.springframework.stereotype.Service;

/**
 * The rules JD Cloud's pod API states about the caller's account: creating pods needs real-name
 * verification ("创建pod需要通过实名认证"); an account on the blacklist binds no elastic IP
 * ("如果是黑名单中的用户，会返回错误"). JD Cloud documents no codes for them; both answer 403
 * PERMISSION_DENIED naming the account and the rule.
 */
@Service
public class AccountRules {

    private final AccountStandings standings;
    private final PrepaidPods prepaid;
    private final PostpaidCharging postpaid;

    AccountRules(AccountStandings standings, PrepaidPods prepaid, PostpaidCharging postpaid) {
        this.standings = standings;
        this.prepaid = prepaid;
        this.postpaid = postpaid;
    }

    public void requireRealNameVerified(String accountId) {
        if (!standings.of(accountId).verified()) {
            throw new ApiException(ErrorStatus.PERMISSION_DENIED, "Account '" + accountId + "' has not passed real-name "
                    + "verification: creating pods needs a real-name verified account");
        }
    }

    /**
     * startPod's rule ("pod 实例或其绑定的云盘已欠费时，容器将无法正常启动"): a postpaid pod of an
     * account in arrear, or a prepaid pod whose period has ended, does not start.
     */
    public void requireStartable(String accountId, String podId) {
        prepaid.periodEnd(accountId, podId).ifPresentOrElse(end -> {
            if (!end.isAfter(prepaid.now())) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Pod '" + podId + "' is overdue: its prepaid "
                        + "period ended at " + end + "; it cannot start");
            }
        }, () -> {
            AccountStandings.Standing standing = standings.of(accountId);
            if (standing.inArrear()) {
                throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Pod '" + podId + "' is in arrear: the balance "
                        + "of account '" + accountId + "' is " + standing.balance() + "; top it up to start "
                        + "the pod");
            }
        });
    }

    /**
     * deletePod's rules: "只能支持主动删除按量计费类型的实例。包年包月过期的 pod 也可以删除 ...
     * 计费状态异常的容器无法删除": a prepaid pod only once its period has ended, and a postpaid pod not
     * while it is in arrear (the service retires it if it stays so; docs/billing.md).
     */
    public void requireDeletable(String accountId, String podId) {
        prepaid.requireExpired(accountId, podId);
        AccountStandings.Standing standing = standings.of(accountId);
        if (standing.inArrear() && postpaid.charges(accountId, podId)) {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Pod '" + podId + "' is in arrear (the balance of "
                    + "account '" + accountId + "' is " + standing.balance() + "): a pod whose charge status "
                    + "is abnormal cannot be deleted; top the balance up first");
        }
    }

    /**
     * An account in arrear makes no pods: a new postpaid pod would be suspended at once and charged
     * further, and a prepaid one cannot be paid from a balance below zero.
     */
    public void requireNotInArrear(String accountId) {
        AccountStandings.Standing standing = standings.of(accountId);
        if (standing.inArrear()) {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "Account '" + accountId + "' is in arrear (its "
                    + "balance is " + standing.balance() + "): top it up before creating pods");
        }
    }

    public void requireNotBlacklisted(String accountId) {
        if (standings.of(accountId).blacklisted()) {
            throw new ApiException(ErrorStatus.PERMISSION_DENIED, "Account '" + accountId + "' is on the elastic IP "
                    + "blacklist: it cannot bind elastic IPs");
        }
    }
}
