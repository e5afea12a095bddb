package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The resource hash is taken over this text: it must stay the records' own toString(), or every stack's networks would look changed. */
class RecordTextTest {
    @Test
    void networkSpecsReadAsTheirToString() {
        NetworkSpec.Ipam ipam = new NetworkSpec.Ipam(null, List.of(
                new NetworkSpec.Pool("10.5.0.0/16", null, "10.5.0.1", new TreeMap<>(Map.of("host1", "10.5.0.5", "host2", "10.5.0.6"))),
                new NetworkSpec.Pool("fd00::/64", "fd00::/80", null, new TreeMap<>())), new TreeMap<>(Map.of("foo", "bar")));
        NetworkSpec spec = new NetworkSpec("demo_back", "bridge", new TreeMap<>(Map.of("com.docker.network.bridge.name", "br0")),
                new TreeMap<>(Map.of("com.docker.compose.network", "back", "com.docker.compose.project", "demo")), true, false, null, ipam);
        assertEquals(spec.toString(), RecordText.of(spec));
        NetworkSpec plain = new NetworkSpec("demo_default", null, new TreeMap<>(), new TreeMap<>(), false, false, Boolean.TRUE, null);
        assertEquals(plain.toString(), RecordText.of(plain));
    }

    @Test
    void volumeSpecsReadAsTheirToString() {
        VolumeSpec spec = new VolumeSpec("demo_data", "local", new TreeMap<>(Map.of("type", "tmpfs", "device", "tmpfs")),
                new TreeMap<>(Map.of("com.docker.compose.volume", "data")));
        assertEquals(spec.toString(), RecordText.of(spec));
    }
}
