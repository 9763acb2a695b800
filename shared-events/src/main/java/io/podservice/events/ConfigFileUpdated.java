package io.podservice.events;

import java.time.Instant;
import java.util.List;

/**
 * updateConfigFile: the config file's files are {@code data} from now on ({@code version} counts the
 * contents, 1 at creation); pods that mount it see them within the nodes' sync interval.
 */
public record ConfigFileUpdated(String configFileId, String accountId, String regionId, String name, long version,
                                List<ConfigFileEvent.Entry> data, Instant updatedAt) implements ConfigFileEvent {
    @Override
    public List<Entry> entries() {
        return data;
    }
}
