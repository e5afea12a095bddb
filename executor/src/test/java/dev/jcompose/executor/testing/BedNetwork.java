package dev.jcompose.executor.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The swarm bed's network: a hub namespace {@code jcb-hub} holding a bridge, the host's end {@code jcb0}
 * ({@value #HOST_ADDRESS}/24) of a veth into it, and per node a namespace {@code jcb-node-N} whose {@code eth0}
 * ({@code 10.231.0.1N}) is a veth into the hub's bridge.
 *
 * <p>The bridge lives in a namespace of its own, not on the host: the host's {@code bridge-nf-call-iptables} is 1
 * (the main engine loads br_netfilter) and its FORWARD policy is DROP, so frames between two nodes bridged on the
 * host would be dropped by the main engine's firewall; in the hub namespace the FORWARD chain is empty. No host
 * firewall rule or sysctl is changed. The nodes get no default route: a pull from a registry outside the bed
 * (docker.io) fails at once with "network is unreachable" instead of hanging on a timeout, while the host, and the
 * registry listening on {@value #HOST_ADDRESS}:5000, are on the link.
 *
 * <p>{@code scripts/registry.sh} makes the same hub (its registry listens on {@value #HOST_ADDRESS}); a hub that
 * already existed is used and left in place, one this made is removed with the nodes.
 */
final class BedNetwork {
    static final String HUB = "jcb-hub";
    static final String HOST_LINK = "jcb0";
    static final String HOST_ADDRESS = "10.231.0.1";
    private static final String NODE_PREFIX = "jcb-node-";

    private final boolean madeHub;

    private BedNetwork(boolean madeHub) {
        this.madeHub = madeHub;
    }

    /** Makes the hub unless it is there. */
    static BedNetwork open() {
        if (namespaceExists(HUB) && linkExists(HOST_LINK)) return new BedNetwork(false);
        if (namespaceExists(HUB)) must("ip", "netns", "del", HUB); // half made: start over
        must("ip", "netns", "add", HUB);
        must("ip", "-n", HUB, "link", "set", "lo", "up");
        must("ip", "-n", HUB, "link", "add", "br0", "type", "bridge");
        must("ip", "-n", HUB, "link", "set", "br0", "up");
        must("ip", "link", "add", HOST_LINK, "type", "veth", "peer", "name", "uplink", "netns", HUB);
        must("ip", "-n", HUB, "link", "set", "uplink", "master", "br0", "up");
        must("ip", "addr", "add", HOST_ADDRESS + "/24", "dev", HOST_LINK);
        must("ip", "link", "set", HOST_LINK, "up");
        return new BedNetwork(true);
    }

    /** Node {@code n}'s namespace name ({@code jcb-node-1}). */
    static String namespace(int n) {
        return NODE_PREFIX + n;
    }

    /** Node {@code n}'s address on the bed's /24. */
    static String address(int n) {
        return "10.231.0." + (10 + n);
    }

    /** {@code /run/netns/jcb-node-N}, which {@code nsenter --net=} enters. */
    static Path namespacePath(int n) {
        return Path.of("/run/netns", namespace(n));
    }

    /** Makes node {@code n}'s namespace, wired to the hub. */
    void addNode(int n) {
        String ns = namespace(n);
        String port = "node-" + n;
        must("ip", "netns", "add", ns);
        must("ip", "-n", ns, "link", "set", "lo", "up");
        must("ip", "-n", HUB, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
        must("ip", "-n", HUB, "link", "set", port, "master", "br0", "up");
        must("ip", "-n", ns, "addr", "add", address(n) + "/24", "dev", "eth0");
        must("ip", "-n", ns, "link", "set", "eth0", "up");
    }

    /** Removes every node namespace (a stale bed's too) and the hub when this made it. */
    void close() {
        removeNodes();
        if (madeHub) {
            HostState.run("ip", "netns", "del", HUB);
            if (linkExists(HOST_LINK)) HostState.run("ip", "link", "del", HOST_LINK);
        }
    }

    /** The node namespaces there are, by name (a crashed bed's included). */
    static List<String> nodeNamespaces() {
        return HostState.run("ip", "netns", "list").lines()
                .map(l -> l.split(" ")[0]).filter(n -> n.startsWith(NODE_PREFIX)).toList();
    }

    /** Deletes the node namespaces; their veth pairs go with them (the processes in them are gone first). */
    static void removeNodes() {
        for (String ns : nodeNamespaces()) {
            // the hub's end goes with the namespace, unless a process still holds it: then it is cut here
            HostState.runQuietly("ip", "-n", HUB, "link", "del", "node-" + ns.substring(NODE_PREFIX.length()));
            HostState.run("ip", "netns", "del", ns);
        }
    }

    static boolean namespaceExists(String name) {
        return Files.exists(Path.of("/run/netns", name));
    }

    static boolean linkExists(String name) {
        return Files.exists(Path.of("/sys/class/net", name));
    }

    private static void must(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) throw new AssertionError("swarm bed: " + String.join(" ", command) + " failed: " + out.strip()
                    + (out.contains("Operation not permitted") ? " (the bed needs root: network namespaces)" : ""));
        } catch (IOException e) {
            throw new AssertionError("swarm bed: cannot run " + command[0] + " (iproute2): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
