package io.podservice.events;

import java.time.Instant;
import java.util.List;

/** createConfigFile: the config file {@code name} of the account in the region, with its files. */
public record ConfigFileCreated(String configFileId, String accountId, String regionId, String name,
                                List<ConfigFileEvent.Entry> data, Instant createdAt) implements ConfigFileEvent {
    @Override
    public List<Entry> entries() {
        return data;
    }
}
