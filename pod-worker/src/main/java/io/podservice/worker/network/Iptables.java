package io.podservice.worker.network;

import io.podservice.worker.WorkerProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The {@code iptables} command ({@code pod.worker.iptables}) where the node's networks are, waiting for the xtables lock. */
@Component
class Iptables {

    private final WorkerProperties properties;
    private final NodeCommands commands;

    Iptables(WorkerProperties properties, NodeCommands commands) {
        this.properties = properties;
        this.commands = commands;
    }

    /** Thrown when iptables cannot be run at all (not installed, not allowed, hanging). */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /**
     * This worker's own chain name: the configured name and a digest of the worker id, so that several
     * workers on one host (tests run two) never touch each other's rules, and rules can be deleted by
     * their position in a chain only this worker changes. Companion chains add a suffix.
     */
    String workerChain() {
        return properties.getNatChain() + "-" + String.format("%06x",
                (properties.getCluster() + "/" + properties.getWorkerId()).hashCode() & 0xFFFFFF);
    }

    boolean exists(String table, String chain) {
        return succeeds("-t", table, "-S", chain);
    }

    boolean succeeds(String... args) {
        return execute(args).exitCode() == 0;
    }

    /** Runs iptables; its output, or IllegalStateException naming the refused command. */
    String run(String... args) {
        NodeCommands.Result result = execute(args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("iptables " + String.join(" ", args) + " failed: " + result.output().trim());
        }
        return result.output();
    }

    /** Makes {@code chain} in {@code table} if absent and jumps to it first from each of {@code from}. */
    void ensureChain(String table, String chain, String... from) {
        if (!exists(table, chain)) {
            run("-t", table, "-N", chain);
        }
        for (String builtin : from) {
            if (!succeeds("-t", table, "-C", builtin, "-j", chain)) {
                run("-t", table, "-I", builtin, "1", "-j", chain);
            }
        }
    }

    private NodeCommands.Result execute(String... args) {
        List<String> command = new ArrayList<>(List.of(properties.getIptables(), "-w", "5"));
        command.addAll(List.of(args));
        try {
            return commands.execute(command.toArray(String[]::new));
        } catch (NodeCommands.Unavailable e) {
            throw new Unavailable(e.getMessage());
        }
    }
}
