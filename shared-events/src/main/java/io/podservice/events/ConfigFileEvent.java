package io.podservice.events;

import java.util.List;

/**
 * An event of the ConfigFile aggregate: a named set of files (JD Cloud's configFile) that pods mount
 * as a volume. Each carries the whole content as it is from then on; values are Base64, as the API
 * takes them.
 */
public sealed interface ConfigFileEvent extends ServiceEvent permits ConfigFileCreated, ConfigFileUpdated,
        ConfigFileDeleted {

    String configFileId();

    String accountId();

    String regionId();

    String name();

    @Override
    default String aggregateId() {
        return configFileId();
    }

    /** One file: its key (the file's name unless a volume maps it elsewhere) and its content in Base64. */
    record Entry(String key, String value) {
    }

    /** The entries, or none for a deletion. */
    default List<Entry> entries() {
        return List.of();
    }
}
