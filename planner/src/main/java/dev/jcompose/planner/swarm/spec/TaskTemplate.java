package dev.jcompose.planner.swarm.spec;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Engine API's {@code TaskSpec}: what every task of the service runs and where.
 *
 * @param resources     limits and reservations, or null for none
 * @param restartPolicy null for the engine's default ({@code any})
 * @param placement     null when nothing constrains placement
 * @param networks      the overlay networks the tasks join, by network name, sorted by target
 * @param logDriver     null for the engine's default driver
 */
public record TaskTemplate(TaskContainerSpec containerSpec, TaskResources resources, RestartPolicy restartPolicy,
                           Placement placement, List<NetworkAttachment> networks, LogDriver logDriver) {
    public TaskTemplate {
        networks = List.copyOf(networks);
    }

    public TaskTemplate withContainerSpec(TaskContainerSpec spec) {
        return new TaskTemplate(spec, resources, restartPolicy, placement, networks, logDriver);
    }

    /**
     * One network of the tasks.
     *
     * @param target  the network's name ({@code <project>_<net>}, or an external network's own name)
     * @param aliases    DNS aliases on it: the attachment's own, then the compose service name, as docker stack sets them
     * @param driverOpts the attachment's {@code driver_opts}
     */
    public record NetworkAttachment(String target, List<String> aliases, SortedMap<String, String> driverOpts) {
        public NetworkAttachment {
            aliases = List.copyOf(aliases);
            driverOpts = Collections.unmodifiableSortedMap(new TreeMap<>(driverOpts));
        }
    }

    /** The {@code logging} section: a driver and its options. */
    public record LogDriver(String name, SortedMap<String, String> options) {
        public LogDriver {
            options = Collections.unmodifiableSortedMap(new TreeMap<>(options));
        }
    }
}
