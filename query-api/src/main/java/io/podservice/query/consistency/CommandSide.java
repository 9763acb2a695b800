package io.podservice.query.consistency;

import io.podservice.api.consistency.EventHistory;
import io.podservice.api.consistency.WritePositions;
import io.podservice.events.EventEnvelope;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * What the read side asks of the command side (the caller's write positions, an aggregate's stored
 * events): command-api's own beans when it shares the JVM (the launcher), else its internal
 * endpoints ({@link RemoteCommandSide}, made once when first needed).
 */
public final class CommandSide implements WritePositions, EventHistory {

    private final ObjectProvider<WritePositions> localPositions;
    private final ObjectProvider<EventHistory> localHistory;
    private final Supplier<RemoteCommandSide> remote;
    private volatile RemoteCommandSide remoteSide;

    CommandSide(ObjectProvider<WritePositions> localPositions, ObjectProvider<EventHistory> localHistory,
                Supplier<RemoteCommandSide> remote) {
        this.localPositions = localPositions;
        this.localHistory = localHistory;
        this.remote = remote;
    }

    @Override
    public List<Position> recent(String accountId) {
        WritePositions here = localPositions.stream().filter(p -> !(p instanceof CommandSide)).findFirst().orElse(null);
        return (here != null ? here : remote()).recent(accountId);
    }

    @Override
    public List<EventEnvelope> after(String aggregateId, long sequence) {
        EventHistory here = localHistory.stream().filter(h -> !(h instanceof CommandSide)).findFirst().orElse(null);
        return (here != null ? here : remote()).after(aggregateId, sequence);
    }

    private RemoteCommandSide remote() {
        RemoteCommandSide side = remoteSide;
        if (side == null) {
            side = remote.get();
            remoteSide = side;
        }
        return side;
    }
}
