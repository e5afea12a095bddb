package dev.jcompose.planner;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import dev.jcompose.spec.model.NetworkConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceVolume;
import dev.jcompose.spec.model.VolumeConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The project's networks and volumes in the plan of {@code up}: made when missing, made again (containers reconnected)
 * when a network's definition changed, kept with a warning (or recreated with {@code -y}) when a volume's did.
 */
final class ResourcePlans {
    private ResourcePlans() {}

    /**
     * Networks: created when missing; an external one must exist. A network of the project's whose definition
     * changed (its config-hash label differs) is made again as docker compose does: the containers on it are
     * stopped and disconnected, the network removed and created, the containers connected again and restarted,
     * keeping the containers themselves. Returns, per network key, the steps the containers' plans come after.
     */
    static Map<String, Set<Integer>> networks(Project project, ObservedState observed, PlanBuilder plan, Set<Integer> after,
                                                      int timeout) {
        Set<String> used = new TreeSet<>();
        for (Service s : project.services().values()) used.addAll(s.networks().keySet());
        Map<String, Set<Integer>> steps = new HashMap<>();
        for (String key : used) {
            NetworkConfig n = project.networks().get(key);
            var existing = observed.network(n.name());
            if (n.external()) {
                if (existing.isEmpty()) {
                    throw new PlanException("network " + n.name() + " declared as external, but could not be found"
                            + " (create it with: docker network create " + n.name() + ")");
                }
                continue;
            }
            SortedMap<String, String> labels = new TreeMap<>(n.labels());
            labels.put(Labels.PROJECT, project.name());
            labels.put(Labels.NETWORK, key);
            labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
            NetworkSpec spec = new NetworkSpec(n.name(), n.driver(), n.driverOpts(), labels, n.internal(), n.attachable(),
                    n.enableIpv6(), NetworkSpec.Ipam.from(n.ipam()));
            labels.put(Labels.CONFIG_HASH, ResourceHash.of(spec));
            spec = spec.withLabels(labels);
            if (existing.isEmpty()) {
                steps.put(key, new TreeSet<>(Set.of(plan.add(new Action.CreateNetwork(spec), "network does not exist", after))));
                continue;
            }
            String hash = existing.get().labels().get(Labels.CONFIG_HASH);
            // no hash: made by an older jcompose or another tool; left as it is rather than guessed at
            if (hash == null || hash.equals(labels.get(Labels.CONFIG_HASH)) || !project.name().equals(existing.get().project())) continue;
            steps.put(key, recreateNetwork(project, key, spec, observed, plan, after, timeout));
        }
        return steps;
    }

    private static Set<Integer> recreateNetwork(Project project, String key, NetworkSpec spec, ObservedState observed,
                                                PlanBuilder plan, Set<Integer> after, int timeout) {
        String why = "network " + spec.name() + " has been changed";
        List<ObservedContainer> attached = new ArrayList<>();
        for (Service s : project.services().values()) {
            if (s.networks().containsKey(key)) attached.addAll(observed.containersOf(s.name()));
        }
        Set<Integer> disconnected = new TreeSet<>(after);
        for (ObservedContainer c : attached) {
            List<Integer> before = new ArrayList<>(after);
            if (c.running()) before = List.of(plan.add(new Action.StopContainer(c.name(), c.service(), timeout), why, after));
            disconnected.add(plan.add(new Action.DisconnectNetwork(spec.name(), c.name()), why, before));
        }
        int removed = plan.add(new Action.RemoveNetwork(spec.name()), why, disconnected);
        int created = plan.add(new Action.CreateNetwork(spec), why, List.of(removed));
        Set<Integer> done = new TreeSet<>(Set.of(created));
        for (ObservedContainer c : attached) {
            Service s = project.service(c.service());
            var attachment = ContainerSpecs.networks(project, s).get(spec.name());
            int connected = plan.add(new Action.ConnectNetwork(spec.name(), c.name(), attachment), why, List.of(created));
            done.add(c.running() ? plan.add(new Action.StartContainer(c.name(), c.service()), why, List.of(connected)) : connected);
        }
        return done;
    }

    /** A named volume's spec, with the config hash docker compose also labels volumes with. */
    private static VolumeSpec volumeSpec(Project project, String key) {
        VolumeConfig v = project.volumes().get(key);
        SortedMap<String, String> labels = new TreeMap<>(v.labels());
        labels.put(Labels.PROJECT, project.name());
        labels.put(Labels.VOLUME, key);
        labels.put(Labels.VERSION, Labels.COMPOSE_VERSION);
        labels.put(Labels.CONFIG_HASH, ResourceHash.of(new VolumeSpec(v.name(), v.driver(), v.driverOpts(), labels)));
        return new VolumeSpec(v.name(), v.driver(), v.driverOpts(), labels);
    }

    /**
     * Named volumes: created when missing; an external one must exist. One of the project's whose definition
     * changed is never touched without {@code -y} (a warning says so); with it, the containers that mount it are
     * removed, then the volume, which is created again (its data is gone), and those containers are created anew.
     *
     * @param dropped receives the containers removed on the way, which the rest of the plan must treat as gone
     */
    static Map<String, Integer> volumes(Project project, ObservedState observed, PlanBuilder plan, Set<Integer> after,
                                                UpOptions options, Set<String> dropped) {
        Set<String> used = new TreeSet<>();
        for (Service s : project.services().values()) {
            for (ServiceVolume v : s.volumes()) if (v.type().equals(ServiceVolume.VOLUME) && v.source() != null) used.add(v.source());
        }
        Map<String, Integer> steps = new HashMap<>();
        for (String key : used) {
            VolumeConfig v = project.volumes().get(key);
            var existing = observed.volume(v.name());
            if (v.external()) {
                if (existing.isEmpty()) {
                    throw new PlanException("volume " + v.name() + " declared as external, but could not be found"
                            + " (create it with: docker volume create " + v.name() + ")");
                }
                continue;
            }
            VolumeSpec spec = volumeSpec(project, key);
            if (existing.isEmpty()) {
                steps.put(key, plan.add(new Action.CreateVolume(spec), "volume does not exist", after));
                continue;
            }
            String hash = existing.get().labels().get(Labels.CONFIG_HASH);
            if (hash == null || hash.equals(spec.labels().get(Labels.CONFIG_HASH)) || !project.name().equals(existing.get().project())) continue;
            if (!options.recreateVolumes()) {
                plan.warn("volume \"" + v.name() + "\" exists but doesn't match configuration in compose file: kept as it is."
                        + " Run up with -y to recreate it (its data will be lost)");
                continue;
            }
            String why = "volume " + v.name() + " has been changed (up -y)";
            Set<Integer> gone = new TreeSet<>(after);
            for (ObservedContainer c : observed.containers()) {
                if (!c.volumeMounts().containsValue(v.name()) || !dropped.add(c.name())) continue;
                gone.add(Planner.remove(c, why, options.stopTimeoutSeconds(), plan, after, false));
            }
            int removed = plan.add(new Action.RemoveVolume(v.name()), why, gone);
            steps.put(key, plan.add(new Action.CreateVolume(spec), why, List.of(removed)));
        }
        return steps;
    }
}
