/**
 * The write side, by feature: {@code pod} (the Pod aggregate, its commands, createPods and the other
 * pod operations, the task results that come back from workers), {@code network} (VPCs, subnets,
 * security groups, elastic IPs), {@code secret} (registry secrets and their data keys) and
 * {@code quota} (limits enforced at command time). {@code domain} holds what every aggregate shares
 * (how a command is refused); {@code infrastructure} wires Axon to PostgreSQL, sends commands on
 * behalf of the caller and publishes stored events to Kafka; {@code consistency} records each
 * account's writes for read-your-writes.
 */
package io.podservice.command;
