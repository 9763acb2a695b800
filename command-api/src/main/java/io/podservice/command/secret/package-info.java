/**
 * Registry secrets on the write side: the {@link io.podservice.command.secret.Secret} aggregate,
 * per-secret data keys wrapped by the master key ({@link io.podservice.command.secret.DataKeys}),
 * the name index createPods resolves {@code ContainerSpec.secret} with, and the internal endpoint
 * from which workers fetch a data key at pull time.
 */
package io.podservice.command.secret;
