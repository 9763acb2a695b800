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
                               boolean mfaEnrolled, boolean operationProtection, String balance, String currency,
                               boolean inArrear) {
    }

    /** A created account: its id and name. */
    public record CreatedAccount(String accountId, String name) {
    }

    /** A new access key: its secret is in this answer and nowhere else, ever again. */
    public record CreatedAccessKey(String accountId, String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "CreatedAccessKey[accountId=" + accountId + ", accessKeyId=" + accessKeyId + "]";
        }
    }

    private static final java.util.regex.Pattern ACCOUNT_NAME = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    /** A tenant account named {@code name} (1-64 of a-z, 0-9, '-', '_'; unique); ALREADY_EXISTS when taken. */
    @org.springframework.transaction.annotation.Transactional
    public CreatedAccount createAccount(String name) {
        operators.requireOperator();
        if (name == null || !ACCOUNT_NAME.matcher(name).matches()) {
            throw ApiException.invalidArgument("Invalid name: an account's name is 1 to 64 of a-z, 0-9, '-' and '_', "
                    + "beginning with a letter or digit; got " + (name == null ? "none" : "'" + name + "'"));
        }
        String accountId = accounts.createAccount(name).orElseThrow(() -> new ApiException(
                io.podservice.api.web.ErrorStatus.ALREADY_EXISTS, "An account named '" + name + "' exists already"));
        sender.send(new AccountCommands.CreateAccount(accountId, name), "Account", accountId);
        return new CreatedAccount(accountId, name);
    }

    /** A new access key of the account; its secret is returned this once. */
    @org.springframework.transaction.annotation.Transactional
    public CreatedAccessKey createAccessKey(String accountId) {
        known(accountId);
        Accounts.NewAccessKey key = accounts.createAccessKey(accountId);
        sender.send(new AccountCommands.RecordAccessKey(accountId, key.accessKeyId()), "Account", accountId);
        return new CreatedAccessKey(accountId, key.accessKeyId(), key.secretAccessKey());
    }

    public StandingView describe(String accountId) {
        String name = known(accountId);
        AccountStandings.Standing standing = standings.of(accountId);
        return new StandingView(accountId, name, standing.verified(), standing.blacklisted(), standing.mfaSecret() != null,
                standing.protection(), standing.balance().toPlainString(), prices.getCurrency(), standing.inArrear());
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
