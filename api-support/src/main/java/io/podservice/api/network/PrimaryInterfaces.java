package io.podservice.api.network;

/**
 * The names of a pod's primary network interface, derived so that the worker that makes the interface
 * and the describe operations that show it agree without a record of their own: the interface's ID
 * follows the pod's ID ({@code pod-abc} has {@code port-abc}, JD Cloud's prefix for interfaces) and its
 * MAC address follows its private address (a locally administered {@code fa:16:3e} prefix and the
 * address's last three octets, which no two addresses of one subnet share: a subnet is no larger than a /16).
 */
public final class PrimaryInterfaces {

    private static final String POD_PREFIX = "pod-";

    private PrimaryInterfaces() {
    }

    public static String id(String podId) {
        return "port-" + (podId.startsWith(POD_PREFIX) ? podId.substring(POD_PREFIX.length()) : podId);
    }

    public static String macAddress(String ipv4Address) {
        String[] octets = ipv4Address.split("\\.");
        if (octets.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4Address);
        }
        return String.format("fa:16:3e:%02x:%02x:%02x", Integer.parseInt(octets[1]), Integer.parseInt(octets[2]),
                Integer.parseInt(octets[3]));
    }
}
