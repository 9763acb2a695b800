package io.podservice.worker.network;

import io.podservice.worker.WorkerProperties;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Subnets across nodes: each subnet's bridge on this node gets a Linux VXLAN device with the
 * subnet's VNI ({@code pvx<vni in hex>}), ending at {@code pod.worker.overlay-address}, and one
 * all-zeros forwarding entry per live peer ({@link OverlayPeers}), so the subnet's broadcasts (ARP)
 * reach every node and the answers teach each tunnel where a pod's MAC lives (learning, aged out
 * after {@value #AGEING_SECONDS} s, so a pod moved to another node is found there again). One VNI
 * per subnet, never shared ({@code subnet_vni}): a subnet's frames reach only its own bridges, so
 * VPCs stay apart as they do on one node.
 *
 * <p>Every node answers on the subnet's gateway address; the bridges of one subnet share one MAC
 * (derived from the VNI), so a pod's gateway is its own node's bridge wherever it runs and a
 * frame to the gateway never crosses the tunnel.
 */
@Component
public class SubnetOverlay {

    static final String DEVICE_PREFIX = "pvx";
    static final int AGEING_SECONDS = 30;
    private static final String ANY_MAC = "00:00:00:00:00:00";
    private static final Pattern DEVICE = Pattern.compile("^\\d+: (" + DEVICE_PREFIX + "[0-9a-f]+)[@:].*?(?: master (\\S+))?(?: state| mode|$)");
    private static final Pattern DEFAULT_ENTRY = Pattern.compile("^" + ANY_MAC + " dst (\\S+)");

    private static final Logger log = LoggerFactory.getLogger(SubnetOverlay.class);

    private final WorkerProperties properties;
    private final NodeCommands commands;
    private final OverlayPeers peers;
    private volatile Set<String> syncedPeers = Set.of();
    private boolean unavailableLogged;

    SubnetOverlay(WorkerProperties properties, NodeCommands commands, OverlayPeers peers) {
        this.properties = properties;
        this.commands = commands;
        this.peers = peers;
    }

    /** Whether this node joins its subnets to the other nodes'. */
    public boolean enabled() {
        return properties.overlay();
    }

    /** The options a subnet's Docker network needs on an overlaid node: room for VXLAN's headers. */
    public Map<String, String> networkOptions() {
        return enabled() ? Map.of("com.docker.network.driver.mtu", String.valueOf(properties.getOverlayMtu())) : Map.of();
    }

    /** Whether the peers changed since the last {@link #sync}: then it is due before the next pass. */
    public boolean peersChanged() {
        return enabled() && !peers.addresses().equals(syncedPeers);
    }

    static String device(int vni) {
        return DEVICE_PREFIX + Integer.toHexString(vni);
    }

    /** The MAC every node's bridge of the subnet has: locally administered, from the VNI. */
    static String gatewayMac(int vni) {
        return String.format("02:70:78:%02x:%02x:%02x", (vni >> 16) & 0xFF, (vni >> 8) & 0xFF, vni & 0xFF);
    }

    /**
     * Makes the tunnels exactly {@code bridges} (bridge name to the subnet's VNI) with the live peers:
     * a device per bridge, on it, up, with one default entry per peer; devices of bridges gone are
     * removed. Idempotent; run on every reconciliation pass, after a subnet's network is made and
     * when the peers change.
     */
    public synchronized void sync(Map<String, Integer> bridges) {
        if (!enabled()) {
            return;
        }
        try {
            Set<String> live = peers.addresses();
            Map<String, String> present = devices();
            Set<String> wanted = new HashSet<>();
            for (Map.Entry<String, Integer> bridge : bridges.entrySet()) {
                int vni = bridge.getValue();
                if (vni <= 0) {
                    continue; // a subnet from before the overlay: one node's bridge only
                }
                String device = device(vni);
                wanted.add(device);
                if (!present.containsKey(device)) {
                    commands.run("ip", "link", "add", device, "type", "vxlan", "id", String.valueOf(vni),
                            "dstport", String.valueOf(properties.getOverlayPort()), "local", properties.getOverlayAddress(),
                            "ageing", String.valueOf(AGEING_SECONDS));
                    log.info("subnet bridge {} joins VXLAN segment {} ({})", bridge.getKey(), vni, device);
                }
                if (!bridge.getKey().equals(present.get(device))) {
                    commands.run("ip", "link", "set", bridge.getKey(), "address", gatewayMac(vni));
                    commands.run("ip", "link", "set", device, "mtu", String.valueOf(properties.getOverlayMtu()),
                            "master", bridge.getKey(), "up");
                }
                syncDefaultEntries(device, live);
            }
            for (String stale : present.keySet()) {
                if (!wanted.contains(stale)) {
                    commands.run("ip", "link", "del", stale);
                    log.info("VXLAN device {} removed: its subnet has no pod here any more", stale);
                }
            }
            syncedPeers = live;
        } catch (NodeCommands.Unavailable e) {
            if (!unavailableLogged) {
                log.warn("subnets cannot reach other nodes: {}", e.getMessage());
                unavailableLogged = true;
            }
        } catch (RuntimeException e) {
            log.warn("joining subnets to the other nodes failed; the next reconciliation tries again: {}", e.getMessage());
        }
    }

    /** This node's VXLAN devices of the overlay, by name, with the bridge each is on (null: none). */
    private Map<String, String> devices() {
        Map<String, String> devices = new HashMap<>();
        for (String line : commands.run("ip", "-o", "link", "show", "type", "vxlan").lines().toList()) {
            Matcher matcher = DEVICE.matcher(line);
            if (matcher.find()) {
                devices.put(matcher.group(1), matcher.group(2));
            }
        }
        return devices;
    }

    private void syncDefaultEntries(String device, Set<String> live) {
        Set<String> present = new TreeSet<>();
        for (String line : commands.run("bridge", "fdb", "show", "dev", device).lines().toList()) {
            Matcher matcher = DEFAULT_ENTRY.matcher(line);
            if (matcher.find()) {
                present.add(matcher.group(1));
            }
        }
        for (String peer : live) {
            if (!present.contains(peer)) {
                commands.run("bridge", "fdb", "append", ANY_MAC, "dev", device, "dst", peer);
            }
        }
        for (String gone : present) {
            if (!live.contains(gone)) {
                commands.run("bridge", "fdb", "del", ANY_MAC, "dev", device, "dst", gone);
            }
        }
    }
}
