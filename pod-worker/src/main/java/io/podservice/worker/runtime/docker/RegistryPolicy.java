package io.podservice.worker.runtime.docker;

import io.podservice.worker.WorkerProperties;
import io.podservice.worker.runtime.PodTaskFailure;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Which registries a tenant's image may come from, and with whose credentials. The node's
 * credentials serve only the operator's shared registries; a registry host in a loopback,
 * link-local, private or otherwise internal range is refused unless the operator allowed it, so an
 * image reference cannot make the node's Docker daemon connect to the node's own services or its
 * network's.
 */
@Component
class RegistryPolicy {

    private final WorkerProperties properties;

    RegistryPolicy(WorkerProperties properties) {
        this.properties = properties;
    }

    /** Whether the node's credentials may pull a tenant's image from {@code registry}. */
    boolean shared(String registry) {
        return properties.getSharedRegistries().stream().anyMatch(r -> r.equalsIgnoreCase(registry));
    }

    /** Refuses (ErrImagePull, without contacting it) a registry on an internal address the operator did not allow. */
    void requireReachable(ImageReference ref, String image) {
        String registry = ref.registry();
        String host = host(registry);
        if (allowed(registry, host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return; // nothing to connect to: Docker's pull fails on its own
        }
        for (InetAddress address : addresses) {
            if (internal(address)) {
                throw new PodTaskFailure("ErrImagePull", "Failed to pull image \"" + image + "\": registry " + registry
                        + " is on an internal address (" + address.getHostAddress() + "); this service pulls from such "
                        + "registries only when its operator allows them", null);
            }
        }
    }

    private boolean allowed(String registry, String host) {
        return properties.getAllowedPrivateRegistries().stream()
                .map(r -> r.toLowerCase(Locale.ROOT))
                .anyMatch(r -> r.equals(registry.toLowerCase(Locale.ROOT)) || r.equals(host.toLowerCase(Locale.ROOT)));
    }

    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second < 128 // carrier-grade NAT
                    || first == 198 && (second == 18 || second == 19)       // benchmarking
                    || first >= 240;                                          // reserved, broadcast
        }
        return (b[0] & 0xfe) == 0xfc; // IPv6 unique local fc00::/7
    }

    private static String host(String registry) {
        if (registry.startsWith("[")) {
            int end = registry.indexOf(']');
            return end > 0 ? registry.substring(1, end) : registry;
        }
        int colon = registry.lastIndexOf(':');
        return colon > 0 && registry.indexOf(':') == colon ? registry.substring(0, colon) : registry;
    }
}
