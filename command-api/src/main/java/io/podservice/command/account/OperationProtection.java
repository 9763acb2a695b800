package io.podservice.command.account;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import io.podservice.api.crypto.MasterKey;
import io.podservice.api.web.ApiException;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.infrastructure.CommandSender;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * MFA operation protection, as JD Cloud has it for deletePod ("[MFA enabled]"): an account with
 * protection on must send a current TOTP code (RFC 6238: HMAC-SHA1, 6 digits, 30 s steps, one step
 * of clock drift either way) of its enrolled device in {@code x-jdcloud-security-token} (JD Cloud's
 * SDKs send it base64-encoded; a bare code is taken too; signed or not, as JD Cloud's Java SDK core
 * leaves it out of the signature). A code is accepted once (a later request must bring a later step). Without a code, or with a wrong or used one, the
 * answer is 403 PERMISSION_DENIED and the refusal is an event of the account ({@code
 * AccountMfaRefused}, in the audit trail), recorded even though the request fails.
 */
@Service
public class OperationProtection {

    static final Duration STEP = Duration.ofSeconds(30);

    private final AccountStandings standings;
    private final MasterKey masterKey;
    private final CommandSender sender;
    private final TransactionTemplate refusals;
    private final Clock clock;

    OperationProtection(AccountStandings standings, MasterKey masterKey, CommandSender sender,
                        PlatformTransactionManager transactions, Optional<Clock> clock) {
        this.standings = standings;
        this.masterKey = masterKey;
        this.sender = sender;
        this.refusals = new TransactionTemplate(transactions);
        this.refusals.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Lets the operation through when the account is unprotected or {@code token} is a current,
     * unused code; call inside the operation's transaction (the accepted step is recorded in it).
     */
    public void require(String accountId, String operation, String resourceId, String token) {
        AccountStandings.Standing standing = standings.lockedOf(accountId).orElse(null);
        if (standing == null || !standing.protection() || standing.mfaSecret() == null) {
            return;
        }
        if (token == null || token.isBlank()) {
            refuse(accountId, operation, resourceId, "missing", operation + " is protected by MFA for account '" + accountId
                    + "': send the current code of its MFA device in the x-jdcloud-security-token header");
        }
        String code = code(token.trim());
        byte[] secret = masterKey.decrypt(Base64.getDecoder().decode(standing.mfaSecret()), context(accountId));
        long now = clock.instant().getEpochSecond() / STEP.getSeconds();
        for (long step = now - 1; step <= now + 1; step++) {
            if (code.equals(codeAt(secret, step))) {
                if (step <= standing.lastStep()) {
                    refuse(accountId, operation, resourceId, "reused", "The MFA code was used already: wait for the "
                            + "next code of the MFA device of account '" + accountId + "'");
                }
                standings.acceptedStep(accountId, step);
                return;
            }
        }
        refuse(accountId, operation, resourceId, "invalid", "The MFA code in x-jdcloud-security-token is not a current "
                + "code of the MFA device of account '" + accountId + "'");
    }

    static String context(String accountId) {
        return "mfa:" + accountId;
    }

    /** The code in the header: JD Cloud's SDKs base64-encode the header's value; a bare code is taken as it is. */
    private static String code(String token) {
        if (token.matches("\\d{6}")) {
            return token;
        }
        try {
            return new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8).trim();
        } catch (IllegalArgumentException notBase64) {
            return token;
        }
    }

    static String codeAt(byte[] secret, long step) {
        TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator(STEP);
        try {
            return String.format("%06d", totp.generateOneTimePassword(new SecretKeySpec(secret, totp.getAlgorithm()),
                    Instant.ofEpochSecond(step * STEP.getSeconds())));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("the enrolled MFA secret is not a usable HMAC key", e);
        }
    }

    private void refuse(String accountId, String operation, String resourceId, String reason, String message) {
        refusals.executeWithoutResult(status -> sender.send(new AccountCommands.RecordMfaRefusal(accountId, operation,
                resourceId, reason), "Account", accountId));
        throw new ApiException(ErrorStatus.PERMISSION_DENIED, message);
    }
}
