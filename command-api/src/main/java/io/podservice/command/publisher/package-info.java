/** The bridge from the event store to Kafka: the "kafka-publisher" tracking processor. */
package io.podservice.command.publisher;
