package io.podservice.worker.runtime.docker;

import java.util.Locale;

/**
 * A failed pull in the service's own words. The Docker daemon's message can quote what the
 * registry answered, and a registry address a tenant chose could make that any service's answer:
 * only the kind of failure reaches the pod's status.
 */
final class PullFailures {

    private PullFailures() {
    }

    static String describe(String daemonMessage) {
        String m = daemonMessage == null ? "" : daemonMessage.toLowerCase(Locale.ROOT);
        if (m.contains("unauthorized") || m.contains("authentication required") || m.contains("no basic auth")
                || m.contains("denied")) {
            return "the registry refused these credentials (unauthorized: name a secret with access to the image)";
        }
        if (m.contains("manifest unknown") || m.contains("not found") || m.contains("manifest for")) {
            return "the registry has no such image (manifest unknown)";
        }
        if (m.contains("no such host") || m.contains("server misbehaving") || m.contains("lookup ")) {
            return "the registry's host name does not resolve";
        }
        if (m.contains("connection refused") || m.contains("timeout") || m.contains("i/o timeout")
                || m.contains("no route to host") || m.contains("network is unreachable")) {
            return "the registry cannot be reached";
        }
        if (m.contains("invalid reference format") || m.contains("repository name must")) {
            return "the image reference is not valid";
        }
        return "the registry did not serve the image";
    }
}
