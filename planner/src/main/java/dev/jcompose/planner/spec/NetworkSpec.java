package dev.jcompose.planner.spec;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a create-network call sends.
 *
 * @param ipam null for the engine's default address management
 */
public record NetworkSpec(String name, String driver, SortedMap<String, String> options, SortedMap<String, String> labels,
                          boolean internal, boolean attachable, Boolean enableIpv6, Ipam ipam) {
    public NetworkSpec {
        options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
    }

    public NetworkSpec withLabels(SortedMap<String, String> newLabels) {
        return new NetworkSpec(name, driver, options, newLabels, internal, attachable, enableIpv6, ipam);
    }

    /** The {@code ipam} section: a driver and address pools. */
    public record Ipam(String driver, List<Pool> pools, SortedMap<String, String> options) {
        public Ipam {
            pools = List.copyOf(pools);
            options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
        }

        /** From the canonical {@code ipam} attribute; null when absent. */
        public static Ipam from(Object plain) {
            if (!(plain instanceof java.util.Map<?, ?> m)) return null;
            List<Pool> pools = new java.util.ArrayList<>();
            if (m.get("config") instanceof List<?> l) {
                for (Object o : l) {
                    if (!(o instanceof java.util.Map<?, ?> c)) continue;
                    SortedMap<String, String> aux = new TreeMap<>();
                    if (c.get("aux_addresses") instanceof java.util.Map<?, ?> a) a.forEach((k, v) -> aux.put(String.valueOf(k), String.valueOf(v)));
                    pools.add(new Pool(str(c.get("subnet")), str(c.get("ip_range")), str(c.get("gateway")), aux));
                }
            }
            SortedMap<String, String> options = new TreeMap<>();
            if (m.get("options") instanceof java.util.Map<?, ?> o) o.forEach((k, v) -> options.put(String.valueOf(k), String.valueOf(v)));
            return new Ipam(str(m.get("driver")), pools, options);
        }

        private static String str(Object o) {
            return o == null ? null : String.valueOf(o);
        }
    }

    public record Pool(String subnet, String ipRange, String gateway, SortedMap<String, String> auxAddresses) {
        public Pool {
            auxAddresses = Collections.unmodifiableSortedMap(new TreeMap<>(auxAddresses));
        }
    }
}
