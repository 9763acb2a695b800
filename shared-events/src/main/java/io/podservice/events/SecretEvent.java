package io.podservice.events;

/** An event of the Secret aggregate (registry credentials). */
public sealed interface SecretEvent extends ServiceEvent permits SecretCreated, SecretDeleted {

    String secretId();

    @Override
    default String aggregateId() {
        return secretId();
    }
}
