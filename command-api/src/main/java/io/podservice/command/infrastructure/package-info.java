/**
 * The write side's plumbing, shared by every feature: Axon on PostgreSQL ({@link
 * io.podservice.command.infrastructure.AxonConfiguration}), commands sent on the caller's behalf with
 * their metadata ({@link io.podservice.command.infrastructure.CommandSender}), and the bridge from the
 * event store to Kafka ({@link io.podservice.command.infrastructure.KafkaEventPublisher}).
 */
package io.podservice.command.infrastructure;
