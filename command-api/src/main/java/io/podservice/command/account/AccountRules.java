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

    AccountRules(AccountStandings standings) {
        this.standings = standings;
    }

    public void requireRealNameVerified(String accountId) {
        if (!standings.of(accountId).verified()) {
            throw new ApiException(ErrorStatus.PERMISSION_DENIED, "Account '" + accountId + "' has not passed real-name "
                    + "verification: creating pods needs a real-name verified account");
        }
    }

    public void requireNotBlacklisted(String accountId) {
        if (standings.of(accountId).blacklisted()) {
            throw new ApiException(ErrorStatus.PERMISSION_DENIED, "Account '" + accountId + "' is on the elastic IP "
                    + "blacklist: it cannot bind elastic IPs");
        }
    }
}
