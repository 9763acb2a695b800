package io.podservice.command.scheduling;

/** A node chosen for a pod, and the URL its interactive endpoints (exec, logs) answer on. */
public record Placement(String nodeId, String nodeUrl) {
}
