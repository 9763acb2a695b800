/**
 * The write side. {@code rest} validates requests and sends commands; {@code pod} is the Pod
 * aggregate, the only place that decides what happens to a pod; {@code publisher} puts every
 * stored event on Kafka; {@code results} turns workers' reports into commands; {@code config}
 * wires Axon to the PostgreSQL event store.
 */
package io.podservice.command;
