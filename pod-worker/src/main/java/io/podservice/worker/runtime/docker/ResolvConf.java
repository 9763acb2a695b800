package io.podservice.worker.runtime.docker;

import io.podservice.events.PodSpecParts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pod's {@code dnsConfig} in its resolv.conf, as kubelet does for a sandbox: a pod's network is
 * a user-defined bridge, where Docker points resolv.conf at its embedded DNS server whatever
 * {@code --dns} says, so the file the infra container got at its start (every container of the pod
 * shares it) is rewritten: the pod's name servers first, then Docker's; its search domains, then
 * Docker's; its options over Docker's. Docker keeps a resolv.conf it did not write itself.
 */
final class ResolvConf {

    private ResolvConf() {
    }

    static void apply(String resolvConfPath, PodSpecParts.DnsConfig dns) {
        if (dns == null || resolvConfPath == null || resolvConfPath.isBlank()) {
            return;
        }
        Path file = Path.of(resolvConfPath);
        try {
            String merged = merge(Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "", dns);
            Files.writeString(file, merged, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pod's resolv.conf (the worker must run on the Docker host)", e);
        }
    }

    static String merge(String generated, PodSpecParts.DnsConfig dns) {
        Set<String> nameservers = new LinkedHashSet<>(dns.nameservers());
        Set<String> searches = new LinkedHashSet<>(dns.searches());
        Map<String, String> options = new LinkedHashMap<>();
        for (String line : generated.lines().toList()) {
            String[] words = line.trim().split("\\s+");
            switch (words[0]) {
                case "nameserver" -> {
                    if (words.length > 1) {
                        nameservers.add(words[1]);
                    }
                }
                case "search" -> searches.addAll(List.of(words).subList(1, words.length));
                case "options" -> {
                    for (String option : List.of(words).subList(1, words.length)) {
                        int colon = option.indexOf(':');
                        options.put(colon < 0 ? option : option.substring(0, colon), colon < 0 ? "" : option.substring(colon + 1));
                    }
                }
                default -> {
                    // comments and anything else: dropped
                }
            }
        }
        dns.options().forEach(o -> options.put(o.name(), o.value() == null ? "" : o.value()));
        List<String> lines = new ArrayList<>();
        lines.add("# written by pod-service from the pod's dnsConfig");
        if (!searches.isEmpty()) {
            lines.add("search " + String.join(" ", searches));
        }
        nameservers.forEach(ns -> lines.add("nameserver " + ns));
        if (!options.isEmpty()) {
            lines.add("options " + String.join(" ", options.entrySet().stream()
                    .map(e -> e.getValue().isEmpty() ? e.getKey() : e.getKey() + ":" + e.getValue()).toList()));
        }
        return String.join("\n", lines) + "\n";
    }
}
