package io.podservice.command.configfile;

import io.podservice.api.web.ApiException;
import io.podservice.api.web.ApiFailures;
import io.podservice.api.web.ErrorStatus;
import io.podservice.command.infrastructure.CommandSender;
import io.podservice.command.quota.Quotas;
import io.podservice.events.ConfigFileEvent;
import io.podservice.events.PodSpecParts;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Config files by JD Cloud's rules: a name of at most 63 lowercase letters, digits and '-',
 * unique in the account and region; 1 to 32 entries, each a key of at most 128 letters, digits,
 * '-', '_' and '.' (not beginning with '..', which the nodes' volumes keep for themselves) and a Base64 value of at most 32 KB; all values at most {@value #MAX_TOTAL}
 * characters (JD Cloud allows 1 MB: the file travels in its events, and Kafka's messages are 1 MB
 * by default). One in use by a pod is not deleted; createPods mounts only config files that exist
 * with the keys it names. Both hold the config file's lock, so a deletion and a pod that mounts
 * it never pass each other.
 */
@Service
public class ConfigFiles {

    static final int MAX_ENTRIES = 32;
    static final int MAX_VALUE = 32 * 1024;
    static final int MAX_TOTAL = 512 * 1024;
    private static final Pattern NAME = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9._-]{1,128}$");

    private final CommandSender commands;
    private final ConfigFileIndex index;
    private final Quotas quotas;
    private final JdbcTemplate jdbc;

    ConfigFiles(CommandSender commands, ConfigFileIndex index, Quotas quotas, JdbcTemplate jdbc) {
        this.commands = commands;
        this.index = index;
        this.quotas = quotas;
        this.jdbc = jdbc;
    }

    /** A file of the request: its key and its Base64 value, as given. */
    public record Entry(String key, String value) {
    }

    @Transactional
    public void create(String accountId, String regionId, String name, List<Entry> data) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.invalidArgument("Invalid name: a config file's name is 1 to 63 lowercase letters, digits "
                    + "and '-', beginning and ending with a letter or digit; got " + (name == null ? "none" : "'" + name + "'"));
        }
        List<ConfigFileEvent.Entry> entries = checked(data);
        lock(accountId, regionId, name);
        if (index.find(accountId, regionId, name).isPresent()) {
            throw alreadyExists(name, regionId);
        }
        quotas.requireConfigFileRoom(accountId, regionId);
        String configFileId = "cf-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try {
            commands.send(new ConfigFileCommands.CreateConfigFile(configFileId, accountId, regionId, name, entries),
                    "ConfigFile", name);
        } catch (RuntimeException e) {
            if (ApiFailures.causeOf(e, DuplicateKeyException.class).isPresent()) {
                throw alreadyExists(name, regionId);
            }
            throw e;
        }
    }

    @Transactional
    public void update(String accountId, String regionId, String name, List<Entry> data) {
        List<ConfigFileEvent.Entry> entries = checked(data);
        lock(accountId, regionId, name);
        commands.send(new ConfigFileCommands.UpdateConfigFile(existing(accountId, regionId, name).configFileId(),
                accountId, entries), "ConfigFile", name);
    }

    @Transactional
    public void delete(String accountId, String regionId, String name) {
        lock(accountId, regionId, name);
        ConfigFileIndex.Content file = existing(accountId, regionId, name);
        List<String> pods = index.mountedBy(accountId, regionId, name);
        if (!pods.isEmpty()) {
            throw new ApiException(ErrorStatus.FAILED_PRECONDITION, "ConfigFile '" + name + "' is in use: pods "
                    + String.join(", ", pods) + " mount it; delete them first");
        }
        commands.send(new ConfigFileCommands.DeleteConfigFile(file.configFileId(), accountId), "ConfigFile", name);
    }

    /**
     * createPods' rule for its config file volumes: each names a config file of the account in the
     * region, and each key of its fileToPath is one of that file's. The files stay locked until the
     * pods' transaction ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void requireMountable(String accountId, String regionId, List<PodSpecParts.Volume> volumes) {
        List<ApiException> problems = problems(accountId, regionId, volumes);
        if (!problems.isEmpty()) {
            throw problems.get(0);
        }
    }

    /** Every way the volumes break that rule, in the volumes' order (none when they keep it); the files stay locked. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ApiException> problems(String accountId, String regionId, List<PodSpecParts.Volume> volumes) {
        // locked in one order, so two requests mounting the same files never wait for each other in a circle
        volumes.stream().filter(v -> v.configFile() != null).map(v -> v.configFile().name()).distinct().sorted()
                .forEach(name -> lock(accountId, regionId, name));
        List<ApiException> problems = new ArrayList<>();
        for (int i = 0; i < volumes.size(); i++) {
            PodSpecParts.ConfigFileSource source = volumes.get(i).configFile();
            if (source == null) {
                continue;
            }
            String path = "podSpec.volumes[" + i + "].configFile";
            Optional<ConfigFileIndex.Content> file = index.find(accountId, regionId, source.name());
            if (file.isEmpty()) {
                problems.add(ApiException.invalidArgument("Invalid " + path + ".name: no config file '" + source.name()
                        + "' in " + regionId));
                continue;
            }
            Set<String> keys = new HashSet<>();
            file.get().data().forEach(entry -> keys.add(entry.key()));
            for (int j = 0; j < source.fileToPath().size(); j++) {
                String key = source.fileToPath().get(j).key();
                if (!keys.contains(key)) {
                    problems.add(ApiException.invalidArgument("Invalid " + path + ".fileToPath[" + j + "].key: config "
                            + "file '" + source.name() + "' has no key '" + key + "'; its keys: " + String.join(", ", keys)));
                }
            }
        }
        return problems;
    }

    private ConfigFileIndex.Content existing(String accountId, String regionId, String name) {
        return index.find(accountId, regionId, name).orElseThrow(() -> ApiException.notFound("ConfigFile '" + name
                + "' not found in " + regionId));
    }

    /** Until the transaction ends, nobody else creates, changes, deletes or mounts this config file. */
    private void lock(String accountId, String regionId, String name) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(hashtext(?))", "config-file:" + accountId + "/" + regionId
                + "/" + name);
    }

    private static List<ConfigFileEvent.Entry> checked(List<Entry> data) {
        if (data == null || data.isEmpty() || data.size() > MAX_ENTRIES) {
            throw ApiException.invalidArgument("Invalid data: a config file has 1 to " + MAX_ENTRIES + " entries; got "
                    + (data == null ? 0 : data.size()));
        }
        List<ConfigFileEvent.Entry> entries = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        long total = 0;
        for (int i = 0; i < data.size(); i++) {
            Entry entry = data.get(i);
            if (entry == null || entry.key() == null || !KEY.matcher(entry.key()).matches() || entry.key().startsWith("..")
                    || entry.key().equals(".")) {
                throw ApiException.invalidArgument("Invalid data[" + i + "].key: 1 to 128 letters, digits, '-', '_' "
                        + "and '.', neither '.' nor beginning with '..'; got "
                        + (entry == null || entry.key() == null ? "none" : "'" + entry.key() + "'"));
            }
            if (!keys.add(entry.key())) {
                throw ApiException.invalidArgument("Invalid data[" + i + "].key: '" + entry.key() + "' is the key of "
                        + "another entry too; keys must be unique");
            }
            String value = entry.value() == null ? "" : entry.value();
            if (value.length() > MAX_VALUE) {
                throw ApiException.invalidArgument("Invalid data[" + i + "].value: at most " + MAX_VALUE
                        + " characters of Base64; got " + value.length());
            }
            try {
                Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException notBase64) {
                throw ApiException.invalidArgument("Invalid data[" + i + "].value: must be Base64 (the file's content "
                        + "encoded)");
            }
            total += value.length();
            entries.add(new ConfigFileEvent.Entry(entry.key(), value));
        }
        if (total > MAX_TOTAL) {
            throw ApiException.invalidArgument("Invalid data: the values add up to " + total + " characters; at most "
                    + MAX_TOTAL);
        }
        return entries;
    }

    private static ApiException alreadyExists(String name, String regionId) {
        return new ApiException(ErrorStatus.ALREADY_EXISTS, "ConfigFile '" + name + "' already exists in " + regionId);
    }
}
