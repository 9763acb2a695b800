package io.podservice.command.configfile;

import io.podservice.events.ConfigFileEvent;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What createConfigFile, updateConfigFile and deleteConfigFile ask of a config file. */
final class ConfigFileCommands {

    private ConfigFileCommands() {
    }

    record CreateConfigFile(@TargetAggregateIdentifier String configFileId, String accountId, String regionId,
                            String name, List<ConfigFileEvent.Entry> data) {
    }

    record UpdateConfigFile(@TargetAggregateIdentifier String configFileId, String accountId,
                            List<ConfigFileEvent.Entry> data) {
    }

    record DeleteConfigFile(@TargetAggregateIdentifier String configFileId, String accountId) {
    }
}
