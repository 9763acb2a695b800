package io.podservice.command.secret;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands of the Secret aggregate. The password arrives here already encrypted. */
public final class SecretCommands {

    private SecretCommands() {
    }

    public record CreateSecret(@TargetAggregateIdentifier String secretId, String accountId, String regionId, String name,
                               String server, String username, String email, String keyId, String passwordCiphertext,
                               java.time.Instant requestedAt) {
        @Override
        public String toString() {
            return "CreateSecret[secretId=" + secretId + ", name=" + name + "]";
        }
    }

    public record DeleteSecret(@TargetAggregateIdentifier String secretId, String accountId) {
    }
}
