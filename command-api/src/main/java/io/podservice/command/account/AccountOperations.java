package io.podservice.command.account;

import io.podservice.api.crypto.MasterKey;
import io.podservice.api.web.ApiException;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.identity.Accounts;
import io.podservice.identity.Operators;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Service;

/**
 * What operators set on accounts (the operator API, not JD Cloud's): real-name verification, the
 * elastic IP blacklist, an MFA device (its secret returned once, as an {@code otpauth://} URI) and
 * operation protection. Only an operator's key may; each change is an event of the Account.
 */
@Service
public class AccountOperations {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ISSUER = "pod-service";

    private final Operators operators;
    private final Accounts accounts;
    private final CommandSender sender;
    private final MasterKey masterKey;
    private final AccountStandings standings;
    private final io.podservice.api.catalog.PriceList prices;

    AccountOperations(Operators operators, Accounts accounts, CommandSender sender, MasterKey masterKey,
                      AccountStandings standings, io.podservice.api.catalog.PriceList prices) {
        this.prices = prices;
        this.operators = operators;
        this.accounts = accounts;
        this.sender = sender;
        this.masterKey = masterKey;
        this.standings = standings;
    }

    /** An account's standing as operators see it (never its MFA secret). */
    public record StandingView(String accountId, String name, boolean realNameVerified, boolean elasticIpBlacklisted,
                               boolean mfaEnrolled, boolean operationProtection, String balance, String currency) {
    }

    public StandingView describe(String accountId) {
        String name = known(accountId);
        AccountStandings.Standing standing = standings.of(accountId);
        return new StandingView(accountId, name, standing.verified(), standing.blacklisted(), standing.mfaSecret() != null,
                standing.protection(), standings.balance(accountId).toPlainString(), prices.getCurrency());
    }

    public void setRealNameVerification(String accountId, boolean verified) {
        known(accountId);
        sender.send(new AccountCommands.SetRealNameVerification(accountId, verified), "Account", accountId);
    }

    public void setElasticIpBlacklist(String accountId, boolean listed) {
        known(accountId);
        sender.send(new AccountCommands.SetElasticIpBlacklist(accountId, listed), "Account", accountId);
    }

    /** A new MFA device for the account (replacing any): its {@code otpauth://totp/} URI, shown this once. */
    public String enrollMfa(String accountId) {
        String name = known(accountId);
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        String sealed = Base64.getEncoder().encodeToString(masterKey.encrypt(secret,
                OperationProtection.context(accountId)));
        sender.send(new AccountCommands.EnrollMfa(accountId, sealed), "Account", accountId);
        String label = URLEncoder.encode(ISSUER + ":" + name, StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + label + "?secret=" + new Base32().encodeAsString(secret).replace("=", "")
                + "&issuer=" + ISSUER + "&algorithm=SHA1&digits=6&period=30";
    }

    /** Money paid into the account ({@code amount}: a decimal to the cent, in the price list's currency). */
    public void topUp(String accountId, java.math.BigDecimal amount) {
        known(accountId);
        sender.send(new AccountCommands.TopUp(accountId, amount, prices.getCurrency()), "Account", accountId);
    }

    public void setOperationProtection(String accountId, boolean enabled) {
        known(accountId);
        sender.send(new AccountCommands.SetOperationProtection(accountId, enabled), "Account", accountId);
    }

    /** The account's name; NOT_FOUND for an id no account has. The caller must be an operator. */
    private String known(String accountId) {
        operators.requireOperator();
        return accounts.nameOf(accountId).orElseThrow(() -> ApiException.notFound("Account '" + accountId + "' not found"));
    }
}
