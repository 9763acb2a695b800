/**
 * The shared language of the pod service: the events the Pod aggregate records, the task results
 * workers report, the Kafka topic and header names, and the one JSON codec every module uses to
 * write and read them. No Spring, no Docker: every other module depends on this one.
 *
 * <p>Events are internal types with their own names and a version ({@link EventTypes}); they are
 * never the REST DTOs, so the wire contract and the event log can evolve separately.
 */
package io.podservice.events;
