package io.podservice.command.network;

import io.podservice.command.domain.CommandRejected;

/** Another account's network resource answers exactly like a missing one. */
final class Owned {

    private Owned() {
    }

    static void require(String owner, String caller, String kind, String id) {
        if (!owner.equals(caller)) {
            throw CommandRejected.of(CommandRejected.Reason.NOT_FOUND, kind + " '" + id + "' not found");
        }
    }
}
