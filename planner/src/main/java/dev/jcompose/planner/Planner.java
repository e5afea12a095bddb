package dev.jcompose.planner;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.spec.VolumeSpec;
import dev.jcompose.spec.model.FileReference;
import dev.jcompose.spec.model.FileSource;
import dev.jcompose.spec.model.Namespace;
import dev.jcompose.spec.model.NetworkConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceVolume;
import dev.jcompose.spec.model.VolumeConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides what to do: a pure function of (project, observed state, options) with no engine, clock or I/O.
 * Same input, same plan. Every step says why it exists.
 */
public final class Planner {
    private Planner() {}

    /** The plan of {@code up}: make the engine hold what the project describes. */
    public static Plan up(Project project, ObservedState observed, UpOptions options) {
        ServiceGraph graph = ServiceGraph.of(project);
        checkContainerNames(project);
        PlanBuilder plan = new PlanBuilder();
        for (String warning : ignoredAttributes(project)) plan.warn(warning);

        // Images first: nothing on the engine changes until every image is there, so a failed pull leaves no half-made stack.
        SortedSet<Integer> pulls = new TreeSet<>();
        for (Map.Entry<String, String> pull : pulls(project, observed, options).entrySet()) {
            pulls.add(plan.add(new Action.PullImage(pull.getKey(), platformOf(project, pull.getKey())), pull.getValue(), List.of()));
        }

        Map<String, Set<Integer>> networkSteps = networks(project, observed, plan, pulls, options.stopTimeoutSeconds());
        Set<String> dropped = new TreeSet<>();
        Map<String, Integer> volumeSteps = volumes(project, observed, plan, pulls, options, dropped);
        // containers removed with a recreated volume are planned as if they had never been there
        if (!dropped.isEmpty()) observed = observed.without(dropped);

        // As compose: every container is created in dependency order; each service starts once the conditions on its
        // dependencies hold, so a dependent whose dependency fails stays "created".
        Map<String, ServicePlan> planned = new HashMap<>();
        for (String name : graph.startOrder()) {
            Service service = project.service(name);
            SortedSet<Integer> createAfter = new TreeSet<>(pulls);
            for (String n : service.networks().keySet()) createAfter.addAll(networkSteps.getOrDefault(n, Set.of()));
            for (ServiceVolume v : service.volumes()) {
                Integer step = v.source() == null ? null : volumeSteps.get(v.source());
                if (step != null) createAfter.add(step);
            }
            for (String dep : graph.dependenciesOf(name)) createAfter.addAll(planned.get(dep).created);
            ServicePlan sp = service(project, service, observed, options, plan, createAfter, parentReplaced(service, planned));
            if (!sp.toStart.isEmpty()) {
                Set<Integer> ready = new TreeSet<>();
                for (String dep : graph.dependenciesOf(name)) ready.addAll(planned.get(dep).readiness(service.dependsOn().get(dep), plan));
                for (Map.Entry<String, Set<Integer>> start : sp.toStart.entrySet()) {
                    Set<Integer> after = new TreeSet<>(start.getValue());
                    after.addAll(ready);
                    int started = plan.add(new Action.StartContainer(start.getKey(), name), sp.startReasons.get(start.getKey()), after);
                    sp.started.add(Hooks.afterStart(plan, service, start.getKey(), started));
                }
            }
            planned.put(name, sp);
        }
        orphans(project, observed, options.removeOrphans(), options.stopTimeoutSeconds(), plan);
        return plan.build();
    }

    /**
     * The images to pull, with why, as {@code pull_policy} (or {@code --pull}) says: {@code always} pulls,
     * {@code missing} pulls what is not there, {@code never} requires it there. A service with a build section is
     * never pulled here: its image was built (or found) before this plan.
     */
    private static SortedMap<String, String> pulls(Project project, ObservedState observed, UpOptions options) {
        SortedMap<String, String> out = new TreeMap<>();
        for (Service s : project.services().values()) {
            if (s.scale() == 0) continue;
            String image = ImagePlanner.imageName(project, s);
            boolean present = observed.hasImage(image);
            if (s.buildConfig() != null) {
                if (!present) {
                    throw new PlanException("service \"" + s.name() + "\": image " + image + " has not been built"
                            + " (run \"jcompose build " + s.name() + "\", or up without --no-build)");
                }
                continue;
            }
            String policy = options.pull() != null ? options.pull() : s.pullPolicy();
            switch (policy) {
                case "always" -> out.putIfAbsent(image, "pull_policy always");
                case "never" -> {
                    if (!present) throw new PlanException("service \"" + s.name() + "\": image " + image
                            + " is not on this engine and pull_policy is never (make it locally, or allow a pull)");
                }
                default -> {
                    if (!present) out.putIfAbsent(image, "image not found locally");
                }
            }
        }
        return out;
    }

    /**
     * What the services ask that a single engine cannot honour, each at its file and line, for {@code up},
     * {@code create} and {@code run} to print: nothing a file asks for is dropped without a word.
     */
    public static List<String> ignoredAttributes(Project project) {
        List<String> out = new ArrayList<>();
        for (Service s : project.services().values()) {
            for (var d : s.ignored()) out.add(d.format());
            for (var ref : s.options().secrets()) fileOwnership(project.secrets().get(ref.source()), s, "secret", ref, out);
            for (var ref : s.options().configs()) fileOwnership(project.configs().get(ref.source()), s, "config", ref, out);
        }
        return out;
    }

    /** A config or secret from a file is that file, bound: it keeps the file's owner and mode, as in docker compose. */
    private static void fileOwnership(FileSource source, Service s, String kind,
                                      FileReference ref, List<String> out) {
        if (!(source instanceof FileSource.File)) return;
        if (ref.uid() == null && ref.gid() == null && ref.mode() == null) return;
        out.add("services." + s.name() + "." + kind + "s: " + kind + " \"" + ref.source()
                + "\" is a file bound into the container: uid, gid and mode are not supported there and are ignored"
                + " (give it as content or environment to set them)");
    }

    /** The platform the first service (by name) using an image asks for, or null. */
    private static String platformOf(Project project, String image) {
        for (Service s : project.services().values()) {
            if (image.equals(ImagePlanner.imageName(project, s)) && s.options().isolation().platform() != null) {
                return s.options().isolation().platform();
            }
        }
        return null;
    }

    /** Two services with one container_name cannot run together (each can run alone). */
    private static void checkContainerNames(Project project) {
        Map<String, String> owners = new TreeMap<>();
        for (Service s : project.services().values()) {
            if (s.containerName() == null) continue;
            String other = owners.putIfAbsent(s.containerName(), s.name());
            if (other != null) {
                throw new ConflictException("container name \"" + s.containerName() + "\" is already in use by service \""
                        + other + "\": services \"" + other + "\" and \"" + s.name() + "\" cannot run together");
            }
        }
    }

    /**
     * Networks: created when missing; an external one must exist. A network of the project's whose definition
     * changed (its config-hash label differs) is made again as docker compose does: the containers on it are
     * stopped and disconnected, the network removed and created, the containers connected again and restarted,
     * keeping the containers themselves. Returns, per network key, the steps the containers' plans come after.
     */
    private static Map<String, Set<Integer>> networks(Project project, ObservedState observed, PlanBuilder plan, Set<Integer> after,
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
    private static Map<String, Integer> volumes(Project project, ObservedState observed, PlanBuilder plan, Set<Integer> after,
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
                gone.add(remove(c, why, options.stopTimeoutSeconds(), plan, after, false));
            }
            int removed = plan.add(new Action.RemoveVolume(v.name()), why, gone);
            steps.put(key, plan.add(new Action.CreateVolume(spec), why, List.of(removed)));
        }
        return steps;
    }

    /** What the plan does with one service's containers, and how its dependents wait for it. */
    private static final class ServicePlan {
        final String service;
        final List<String> containers = new ArrayList<>();
        final Set<Integer> created = new TreeSet<>();
        final Set<Integer> started = new TreeSet<>();
        /** Containers to start once the dependencies are ready, with the steps each comes after. */
        final Map<String, Set<Integer>> toStart = new LinkedHashMap<>();
        final Map<String, String> startReasons = new HashMap<>();
        private final Map<String, Set<Integer>> waits = new HashMap<>();
        /** Whether a container of the service is made or made again by this plan: its id changes. */
        boolean replaced;

        ServicePlan(String service) {
            this.service = service;
        }

        /** The steps a dependent comes after, for the condition it puts on this service. */
        Set<Integer> readiness(dev.jcompose.spec.model.ServiceDependency dependency, PlanBuilder plan) {
            String condition = dependency == null ? dev.jcompose.spec.model.ServiceDependency.STARTED : dependency.condition();
            if (condition.equals(dev.jcompose.spec.model.ServiceDependency.STARTED)) return started;
            boolean required = dependency.required();
            return waits.computeIfAbsent(condition + required, k -> {
                Set<Integer> out = new TreeSet<>();
                for (String c : containers) {
                    Action wait = condition.equals(dev.jcompose.spec.model.ServiceDependency.HEALTHY)
                            ? new Action.WaitHealthy(c, service, required) : new Action.WaitCompleted(c, service, required);
                    out.add(plan.add(wait, "a dependent waits for " + condition, started));
                }
                return out;
            });
        }
    }

    /**
     * Plans one service's containers up to their start, which the caller adds once it knows what the dependencies
     * must reach first. When there are more containers than wanted, the obsolete ones go first, then the highest
     * numbers, as compose does; the survivors keep their numbers, and new containers take the lowest free ones.
     */
    /**
     * Why a service must be recreated because a service whose namespace it joins ({@code network_mode}, {@code ipc},
     * {@code pid: service:X}) gets a new container in this plan: its container would go on pointing at the old one.
     * Null when none does.
     */
    private static String parentReplaced(Service service, Map<String, ServicePlan> planned) {
        var i = service.options().isolation();
        for (var ns : List.of(Optional.ofNullable(i.network()), Optional.ofNullable(i.ipc()), Optional.ofNullable(i.pid()))) {
            String parent = ns.map(Namespace::service).orElse(null);
            if (parent != null && planned.containsKey(parent) && planned.get(parent).replaced) {
                return "service " + parent + ", whose namespace it joins, gets a new container";
            }
        }
        return null;
    }

    /** @param parentReplaced why the service must be recreated for a namespace parent's sake, or null */
    private static ServicePlan service(Project project, Service service, ObservedState observed, UpOptions options,
                                       PlanBuilder plan, SortedSet<Integer> createAfter, String parentReplaced) {
        ServicePlan sp = new ServicePlan(service.name());
        String hash = ConfigHasher.hash(project, service);
        // One container per replica number: the current one, else the one under its own name (an interrupted
        // recreate leaves two); the others are surplus. Then, over the scale, obsolete replicas go first.
        Comparator<ObservedContainer> best = Comparator
                .<ObservedContainer>comparingInt(c -> c.configHash().equals(hash) ? 0 : 1)
                .thenComparingInt(c -> c.name().equals(ContainerSpecs.containerName(project, service, c.number())) ? 0 : 1)
                .thenComparing(ObservedContainer::name);
        Map<Integer, List<ObservedContainer>> byNumber = new TreeMap<>();
        for (ObservedContainer c : observed.containersOf(service.name())) byNumber.computeIfAbsent(c.number(), k -> new ArrayList<>()).add(c);
        List<ObservedContainer> winners = new ArrayList<>();
        List<ObservedContainer> surplus = new ArrayList<>();
        for (List<ObservedContainer> same : byNumber.values()) {
            same.sort(best);
            winners.add(same.get(0));
            surplus.addAll(same.subList(1, same.size()));
        }
        winners.sort(Comparator.<ObservedContainer>comparingInt(c -> c.configHash().equals(hash) ? 0 : 1)
                .thenComparingInt(ObservedContainer::number));
        List<ObservedContainer> kept = new ArrayList<>(winners.subList(0, Math.min(service.scale(), winners.size())));
        surplus.addAll(winners.subList(kept.size(), winners.size()));
        Set<Integer> surplusRemoved = new TreeSet<>();
        for (int i = surplus.size() - 1; i >= 0; i--) {
            surplusRemoved.add(remove(surplus.get(i), "service " + service.name() + " is scaled to " + service.scale(),
                    options.stopTimeoutSeconds(), plan, List.of(), false));
        }
        kept.sort(Comparator.comparingInt(ObservedContainer::number));
        String imageId = observed.imageId(ImagePlanner.imageName(project, service));
        Set<Integer> used = new TreeSet<>();
        for (ObservedContainer c : kept) used.add(c.number());
        for (ObservedContainer c : kept) {
            var spec = ContainerSpecs.of(project, service, c.number(), hash, imageId);
            sp.containers.add(spec.name());
            String why = recreateReason(c, hash, service, options, imageId);
            if (why == null && parentReplaced != null && !options.noRecreate()) why = parentReplaced;
            if (why != null) {
                sp.replaced = true;
                // As compose: the new container is made beside the old one under a temporary name, so a create that
                // fails leaves the old one running; then stop old, remove old, rename new.
                String temporary = c.id().substring(0, Math.min(12, c.id().length())) + "_" + spec.name();
                var newSpec = options.renewAnonVolumes() ? spec : withAnonymousVolumesOf(spec, c);
                Set<Integer> after = new TreeSet<>(createAfter);
                after.addAll(surplusRemoved);
                int create = plan.add(new Action.CreateContainer(newSpec.withName(temporary), c.name()), why, after);
                int removed = remove(c, why, options.stopTimeoutSeconds(), plan, List.of(create), false);
                int renamed = plan.add(new Action.RenameContainer(temporary, spec.name(), service.name()), why, List.of(removed));
                sp.created.add(renamed);
                if (!options.noStart()) startLater(sp, spec.name(), Set.of(renamed), "recreated");
            } else if (!c.name().equals(spec.name())) {
                // the new container of a recreate that was interrupted before its rename
                int renamed = plan.add(new Action.RenameContainer(c.name(), spec.name(), service.name()),
                        "finishing an interrupted recreate", surplusRemoved);
                sp.created.add(renamed);
                if (!c.running() && !options.noStart()) startLater(sp, spec.name(), Set.of(renamed), "container is " + c.state());
            } else if (!c.running() && !options.noStart()) {
                startLater(sp, c.name(), createAfter, "container is " + c.state());
            }
        }
        int number = 1;
        for (int missing = service.scale() - kept.size(); missing > 0; missing--) {
            while (used.contains(number)) number++;
            used.add(number);
            var spec = ContainerSpecs.of(project, service, number, hash, imageId);
            sp.containers.add(spec.name());
            sp.replaced = true;
            int create = plan.add(new Action.CreateContainer(spec), "no container #" + number + " of service " + service.name(), createAfter);
            sp.created.add(create);
            if (!options.noStart()) startLater(sp, spec.name(), Set.of(create), "created");
        }
        return sp;
    }

    /** The old container's anonymous volumes, mounted again at the same paths, so their data survives a recreate. */
    private static dev.jcompose.planner.spec.ContainerSpec withAnonymousVolumesOf(dev.jcompose.planner.spec.ContainerSpec spec, ObservedContainer old) {
        List<dev.jcompose.planner.spec.ContainerSpec.MountSpec> mounts = new ArrayList<>();
        for (var m : spec.mounts()) {
            String previous = old.volumeMounts().get(m.target());
            if (m.type().equals(ServiceVolume.VOLUME) && m.source() == null && previous != null) {
                mounts.add(m.withSource(previous));
            } else {
                mounts.add(m);
            }
        }
        return spec.withMounts(mounts);
    }

    private static void startLater(ServicePlan sp, String container, Set<Integer> after, String reason) {
        sp.toStart.put(container, new TreeSet<>(after));
        sp.startReasons.put(container, reason);
    }

    /** The plan of {@code up --wait}: each container of the services running (healthy if it has a check) or exited 0. */
    public static Plan waitReady(Project project, ObservedState observed, int timeoutSeconds) {
        PlanBuilder plan = new PlanBuilder();
        for (Service s : project.services().values()) {
            for (ObservedContainer c : observed.containersOf(s.name())) {
                plan.add(new Action.WaitReady(c.name(), s.name(), timeoutSeconds), "up --wait", List.of());
            }
        }
        return plan.build();
    }

    /** @param imageId the id the service's image has now, or null when not known */
    private static String recreateReason(ObservedContainer c, String hash, Service service, UpOptions options, String imageId) {
        if (options.noRecreate()) return null;
        if (options.forceRecreate()) return "--force-recreate";
        if (!c.configHash().equals(hash)) return "configuration of service " + service.name() + " changed";
        if (imageId != null && c.imageId() != null && !imageId.equals(c.imageId())) return "image of service " + service.name() + " changed";
        return null;
    }

    /** Stop (when running) then remove; returns the id of the remove step. */
    private static int remove(ObservedContainer c, String why, int timeout, PlanBuilder plan, Collection<Integer> after,
                              boolean volumes) {
        List<Integer> before = new ArrayList<>(after);
        if (c.running()) before = List.of(plan.add(new Action.StopContainer(c.name(), c.service(), timeout), why, after));
        return plan.add(new Action.RemoveContainer(c.name(), c.service(), volumes), why, before);
    }

    private static void orphans(Project project, ObservedState observed, boolean removeOrphans, int timeout, PlanBuilder plan) {
        // one-off containers of services the project no longer has (or has disabled) are orphans too
        List<ObservedContainer> orphans = observed.containers().stream()
                .filter(c -> !project.services().containsKey(c.service())).toList();
        if (orphans.isEmpty()) return;
        if (removeOrphans) {
            for (ObservedContainer c : orphans) remove(c, "orphan: service " + c.service() + " is not in the project", timeout, plan, List.of(), false);
        } else {
            plan.warn("Found orphan containers (" + String.join(", ", orphans.stream().map(ObservedContainer::name).toList())
                    + ") for this project. If you removed or renamed this service in your compose file, you can run"
                    + " this command with the --remove-orphans flag to clean it up.");
        }
    }

    /**
     * The plan of {@code down}: stop dependents before their dependencies (read from the containers' own
     * depends_on labels, so it works without the Compose file), remove the containers, then the project's networks,
     * and with {@code -v} its volumes. Nothing without the project's label is touched.
     *
     * @param project the loaded project, or null when only the project name is known
     */
    public static Plan down(String projectName, Project project, ObservedState observed, DownOptions options) {
        PlanBuilder plan = new PlanBuilder();
        List<ObservedContainer> containers = new ArrayList<>();
        List<String> orphans = new ArrayList<>();
        for (ObservedContainer c : observed.containers()) {
            if (!projectName.equals(c.project())) continue;
            boolean orphan = project != null && !c.oneoff() && !project.services().containsKey(c.service());
            if (orphan && !options.removeOrphans()) orphans.add(c.name());
            else containers.add(c);
        }
        if (!orphans.isEmpty()) {
            plan.warn("Found orphan containers (" + String.join(", ", orphans) + ") for this project. If you removed or"
                    + " renamed this service in your compose file, you can run this command with the --remove-orphans"
                    + " flag to clean it up.");
        }
        Map<String, Set<String>> deps = new TreeMap<>();
        for (ObservedContainer c : containers) {
            Set<String> d = deps.computeIfAbsent(c.service(), k -> new TreeSet<>());
            for (String part : c.labels().getOrDefault(Labels.DEPENDS_ON, "").split(",")) {
                if (!part.isBlank()) d.add(part.split(":")[0]);
            }
        }
        ServiceGraph graph;
        try {
            graph = ServiceGraph.of(deps);
        } catch (PlanException cycle) {
            graph = ServiceGraph.of(new TreeMap<String, Set<String>>()); // labels from an older file: stop in any order
        }
        Map<String, Set<Integer>> stopped = new HashMap<>();
        List<Integer> removed = new ArrayList<>();
        List<String> order = new ArrayList<>(graph.stopOrder());
        for (String s : new TreeSet<>(deps.keySet())) if (!order.contains(s)) order.add(s);
        for (String service : order) {
            Set<Integer> after = new TreeSet<>();
            for (String dependent : graph.services().contains(service) ? graph.dependentsOf(service) : Set.<String>of()) {
                after.addAll(stopped.getOrDefault(dependent, Set.of()));
            }
            Set<Integer> mine = new TreeSet<>();
            for (ObservedContainer c : containers) {
                if (!c.service().equals(service)) continue;
                List<Integer> before = new ArrayList<>(after);
                if (c.running()) {
                    Service known = project == null ? null : project.service(c.service());
                    int stop = plan.add(new Action.StopContainer(c.name(), c.service(), options.stopTimeoutSeconds()), "down",
                            Hooks.beforeStop(plan, known, c.name(), after));
                    mine.add(stop);
                    before = List.of(stop);
                }
                int rm = plan.add(new Action.RemoveContainer(c.name(), c.service(), options.removeVolumes()), "down", before);
                mine.add(rm);
                removed.add(rm);
            }
            stopped.put(service, mine);
        }
        if (!orphans.isEmpty()) {
            // The orphans keep running on the project's networks; removing those would fail half-way.
            plan.warn("The project's networks and volumes are kept because the orphan containers still use them.");
            return plan.build();
        }
        for (ObservedNetwork n : observed.networks()) {
            if (projectName.equals(n.project())) plan.add(new Action.RemoveNetwork(n.name()), "down", removed);
        }
        if (options.removeVolumes()) {
            for (ObservedVolume v : observed.volumes()) {
                if (projectName.equals(v.project())) plan.add(new Action.RemoveVolume(v.name()), "down -v", removed);
            }
        }
        return plan.build();
    }

    /** The plan of {@code stop}: running containers of the project's services, dependents before their dependencies. */
    public static Plan stop(Project project, ObservedState observed, int timeoutSeconds) {
        ServiceGraph graph = ServiceGraph.of(project);
        PlanBuilder plan = new PlanBuilder();
        Map<String, Set<Integer>> stopped = new HashMap<>();
        for (String service : graph.stopOrder()) {
            Set<Integer> after = new TreeSet<>();
            for (String dependent : graph.dependentsOf(service)) after.addAll(stopped.getOrDefault(dependent, Set.of()));
            Set<Integer> mine = new TreeSet<>();
            for (ObservedContainer c : observed.containersOf(service)) {
                if (c.running()) {
                    mine.add(plan.add(new Action.StopContainer(c.name(), service, timeoutSeconds), "stop",
                            Hooks.beforeStop(plan, project.service(service), c.name(), after)));
                }
            }
            stopped.put(service, mine.isEmpty() ? after : mine);
        }
        return plan.build();
    }

    /**
     * The plan of {@code kill}: the signal to every running container of {@code services} (all the project's when
     * empty), one-off ones included, all at once, as docker compose sends them. The project's orphans are removed
     * with {@code removeOrphans}, else named in a warning.
     */
    public static Plan kill(Project project, ObservedState observed, Collection<String> services, String signal, boolean removeOrphans) {
        PlanBuilder plan = new PlanBuilder();
        observed.containers().stream()
                .filter(c -> c.running() && project.services().containsKey(c.service()))
                .filter(c -> services.isEmpty() || services.contains(c.service()))
                .sorted(Comparator.comparing(ObservedContainer::name))
                .forEach(c -> plan.add(new Action.KillContainer(c.name(), c.service(), signal), c.state() + "; signal " + signal, Set.of()));
        orphans(project, observed, removeOrphans, Action.StopContainer.OWN_TIMEOUT, plan);
        return plan.build();
    }

    /** The plan of {@code start}: existing containers that are not running, dependencies first. Creates nothing. */
    public static Plan start(Project project, ObservedState observed) {
        return inStartOrder(project, observed, (c, after, plan) -> c.running() ? null
                : Hooks.afterStart(plan, project.service(c.service()), c.name(),
                        plan.add(new Action.StartContainer(c.name(), c.service()), "container is " + c.state(), after)));
    }

    /** The plan of {@code restart}: every existing container of the services, in place, dependencies first. */
    public static Plan restart(Project project, ObservedState observed, int timeoutSeconds) {
        return inStartOrder(project, observed, (c, after, plan) -> {
            Service service = project.service(c.service());
            var before = c.running() ? Hooks.beforeStop(plan, service, c.name(), after) : after;
            return Hooks.afterStart(plan, service, c.name(),
                    plan.add(new Action.RestartContainer(c.name(), c.service(), timeoutSeconds), "restart", before));
        });
    }

    private interface ContainerStep {
        /** The step for one container after {@code after}, or null for none. */
        Integer add(ObservedContainer c, Set<Integer> after, PlanBuilder plan);
    }

    private static Plan inStartOrder(Project project, ObservedState observed, ContainerStep step) {
        ServiceGraph graph = ServiceGraph.of(project);
        PlanBuilder plan = new PlanBuilder();
        Map<String, Set<Integer>> done = new HashMap<>();
        for (String service : graph.startOrder()) {
            Set<Integer> after = new TreeSet<>();
            for (String dep : graph.dependenciesOf(service)) after.addAll(done.getOrDefault(dep, Set.of()));
            Set<Integer> mine = new TreeSet<>();
            for (ObservedContainer c : observed.containersOf(service)) {
                Integer id = step.add(c, after, plan);
                if (id != null) mine.add(id);
            }
            done.put(service, mine.isEmpty() ? after : mine);
        }
        return plan.build();
    }

    /** The plan of {@code pause}: the running containers of the services. */
    public static Plan pause(Project project, ObservedState observed) {
        return inStartOrder(project, observed, (c, after, plan) -> c.state().equals("running")
                ? plan.add(new Action.PauseContainer(c.name(), c.service()), "pause", Set.of()) : null);
    }

    /** The plan of {@code unpause}: the paused containers of the services. */
    public static Plan unpause(Project project, ObservedState observed) {
        return inStartOrder(project, observed, (c, after, plan) -> c.state().equals("paused")
                ? plan.add(new Action.UnpauseContainer(c.name(), c.service()), "unpause", Set.of()) : null);
    }

    /**
     * The plan of {@code rm}: the services' stopped containers (one-off ones included); with {@code stop} the
     * running ones are stopped first; anonymous volumes go too with {@code volumes}. Returns an empty plan when
     * there is nothing to remove.
     */
    public static Plan rm(Project project, ObservedState observed, boolean stop, boolean volumes, int timeoutSeconds) {
        PlanBuilder plan = new PlanBuilder();
        for (ObservedContainer c : observed.containers()) {
            if (!project.services().containsKey(c.service())) continue;
            if (c.running()) {
                if (!stop) continue;
                int stopped = plan.add(new Action.StopContainer(c.name(), c.service(), timeoutSeconds), "rm --stop", List.of());
                plan.add(new Action.RemoveContainer(c.name(), c.service(), volumes), "rm", List.of(stopped));
            } else {
                plan.add(new Action.RemoveContainer(c.name(), c.service(), volumes), "rm", List.of());
            }
        }
        return plan.build();
    }
}
