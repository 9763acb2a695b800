package io.podservice.events;

/**
 * An event that hands a worker a task: the worker runs it and reports a {@link PodTaskResult}
 * with the same {@code taskId}.
 */
public interface PodTask {

    String podId();

    String taskId();
}
