package io.podservice.identity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the accounts and keys named in configuration ({@code pod.accounts}) at start-up; existing ones are kept. */
@Component
class AccountSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountSeeder.class);

    private final Accounts accounts;
    private final IdentityProperties properties;

    AccountSeeder(Accounts accounts, IdentityProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (IdentityProperties.SeedAccount seed : properties.getAccounts()) {
            String accountId = accounts.ensureAccount(seed.name());
            for (IdentityProperties.SeedKey key : seed.accessKeys()) {
                accounts.ensureAccessKey(accountId, key.accessKeyId(), key.secretAccessKey());
            }
            log.info("account {} ({}) has keys {}", seed.name(), accountId, accounts.accessKeysOf(accountId));
        }
    }
}
