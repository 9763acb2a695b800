/**
 * Pods on the write side: the Pod aggregate (no I/O: rules in, events out), the pod operations'
 * controller and request shapes, the domain services that turn a request into commands
 * (createPods' quota, ids, idempotency and interfaces), and the workers' task results fed back to
 * the aggregate.
 */
package io.podservice.command.pod;
