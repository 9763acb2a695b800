/**
 * Keeping running pods running, like the kubelet's pod workers and prober: {@link
 * io.podservice.worker.supervision.RunningPods} knows which pods this node runs and the state
 * Docker does not keep (restart counts, last states, readiness); {@link
 * io.podservice.worker.supervision.ContainerSupervisor} follows Docker's event stream and restarts
 * exited containers per the pod's restartPolicy with a crash-loop back-off; {@link
 * io.podservice.worker.supervision.Prober} runs liveness and readiness probes; {@link
 * io.podservice.worker.supervision.PodStatusReporter} reports every change upward.
 */
package io.podservice.worker.supervision;
