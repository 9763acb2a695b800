package io.podservice.api.consistency;

import java.util.List;

/**
 * Where an account's own recent writes have reached in the event store: per aggregate, the
 * sequence number of the last event a signed request of the account caused. The command side keeps
 * it in the transaction that stores the events; the query side waits until its read models have
 * applied at least as much before it answers the account (read-your-writes).
 */
public interface WritePositions {

    /** One aggregate's last event caused by the account's requests. */
    record Position(String aggregateId, long sequence) {
    }

    /** The account's writes of the last few minutes (older ones are long projected). */
    List<Position> recent(String accountId);
}
