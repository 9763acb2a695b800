package io.podservice.worker.runtime;

import io.podservice.events.PodDefinition;

/** What the runtime tells while a task is under way, so describePod can show it (an image being pulled). */
public interface PodProgress {

    void pulling(PodRuntime.PodRef pod, PodDefinition definition, String container, String image);
}
