package io.podservice.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** The task states of a pod, spelled as the API spells them (see shared/API.md "Pod phases"). */
public enum PodPhase {
    PENDING, RUNNING, STOPPING, STOPPED, STARTING, REBUILDING, DELETING, ERROR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static PodPhase fromWireName(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
