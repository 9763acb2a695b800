/**
 * The node agent, split like the kubelet: {@code tasks} consumes pod events and runs each pod's
 * tasks in order; {@code runtime} is the only code that talks to the container runtime (Docker,
 * behind {@link io.podservice.worker.runtime.PodRuntime}); {@code report} is the only place that
 * reports upward, on the task-results topic. A worker never writes the event store.
 */
package io.podservice.worker;
