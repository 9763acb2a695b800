package io.podservice.query.consistency;

import io.podservice.api.consistency.WritePositions;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/** The local {@link WritePositions} when command-api shares the JVM, else the remote one (made once). */
final class WritePositionsSource implements WritePositions {

    private final ObjectProvider<WritePositions> local;
    private final Supplier<WritePositions> remote;
    private volatile WritePositions chosen;

    WritePositionsSource(ObjectProvider<WritePositions> local, Supplier<WritePositions> remote) {
        this.local = local;
        this.remote = remote;
    }

    @Override
    public List<Position> recent(String accountId) {
        WritePositions source = chosen;
        if (source == null) {
            WritePositions here = local.stream().filter(p -> !(p instanceof WritePositionsSource)).findFirst().orElse(null);
            source = here != null ? here : remote.get();
            chosen = source;
        }
        return source.recent(accountId);
    }
}
