/**
 * The read side. {@code pods} holds the describePods projection: the consumer of the event topic,
 * the projection that applies events to the {@code pod_view} table, and the event-store reader
 * that lets a reader catch up on a pod the topic has not delivered yet. {@code rest} serves the
 * describe operations in the API's shapes.
 */
package io.podservice.query;
