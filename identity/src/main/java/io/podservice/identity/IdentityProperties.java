package io.podservice.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Identity settings: the master key, the signature's time window, and accounts to create at start-up. */
@ConfigurationProperties(prefix = "pod")
public class IdentityProperties {

    /** Base64 of 32 random bytes; the launcher generates one into its data directory. */
    private String masterKey;

    /** How far a request's x-jdcloud-date may be from the server's clock; also how long nonces are kept. */
    private Duration signatureWindow = Duration.ofMinutes(5);

    /** Services whose scope a signature may name ({@code pod}, {@code vpc} for the network resources, {@code disk} for disks). */
    private List<String> signatureServices = List.of("pod", "vpc", "disk");

    /** Accounts and keys created (or kept) at start-up: the documented way to add them. */
    private List<SeedAccount> accounts = List.of();

    /** Names of the accounts whose keys may call the operator API (nodes); none by default. */
    private List<String> operators = List.of();

    public List<String> getOperators() {
        return operators;
    }

    public void setOperators(List<String> operators) {
        this.operators = List.copyOf(operators);
    }

    public String getMasterKey() {
        return masterKey;
    }

    public void setMasterKey(String masterKey) {
        this.masterKey = masterKey;
    }

    public Duration getSignatureWindow() {
        return signatureWindow;
    }

    public void setSignatureWindow(Duration signatureWindow) {
        this.signatureWindow = signatureWindow;
    }

    public List<String> getSignatureServices() {
        return signatureServices;
    }

    public void setSignatureServices(List<String> signatureServices) {
        this.signatureServices = List.copyOf(signatureServices);
    }

    public List<SeedAccount> getAccounts() {
        return accounts;
    }

    public void setAccounts(List<SeedAccount> accounts) {
        this.accounts = List.copyOf(accounts);
    }

    /** An account with its keys; {@code toString} hides the secrets. */
    public record SeedAccount(String name, List<SeedKey> accessKeys) {
        public SeedAccount {
            accessKeys = accessKeys == null ? List.of() : List.copyOf(accessKeys);
        }
    }

    public record SeedKey(String accessKeyId, String secretAccessKey) {
        @Override
        public String toString() {
            return "SeedKey[accessKeyId=" + accessKeyId + "]";
        }
    }
}
