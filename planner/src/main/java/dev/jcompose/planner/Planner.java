package dev.jcompose.planner;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.spec.model.FileReference;
import dev.jcompose.spec.model.FileSource;
import dev.jcompose.spec.model.Namespace;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceVolume;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
        for (Map.Entry<String, String> pull : ImagePulls.pulls(project, observed, options).entrySet()) {
            pulls.add(plan.add(new Action.PullImage(pull.getKey(), ImagePulls.platformOf(project, pull.getKey())), pull.getValue(), List.of()));
        }

        Map<String, Set<Integer>> networkSteps = ResourcePlans.networks(project, observed, plan, pulls, options.stopTimeoutSeconds());
        Set<String> dropped = new TreeSet<>();
        Map<String, Integer> volumeSteps = ResourcePlans.volumes(project, observed, plan, pulls, options, dropped);
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
        orphans(project, observed, options.orphans(), options.stopTimeoutSeconds(), plan);
        return plan.build();
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
            if (why == null && parentReplaced != null && options.recreate() != Recreate.NEVER) why = parentReplaced;
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
                if (options.start()) startLater(sp, spec.name(), Set.of(renamed), "recreated");
            } else if (!c.name().equals(spec.name())) {
                // the new container of a recreate that was interrupted before its rename
                int renamed = plan.add(new Action.RenameContainer(c.name(), spec.name(), service.name()),
                        "finishing an interrupted recreate", surplusRemoved);
                sp.created.add(renamed);
                if (!c.running() && options.start()) startLater(sp, spec.name(), Set.of(renamed), "container is " + c.state());
            } else if (!c.running() && options.start()) {
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
            if (options.start()) startLater(sp, spec.name(), Set.of(create), "created");
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

    /**
     * The plan of {@code up --wait}: each container of the services running (healthy if it has a check) or exited 0.
     * A container the state read already shows so needs no step: a no-op {@code up --wait} makes no call per container.
     */
    public static Plan waitReady(Project project, ObservedState observed, int timeoutSeconds) {
        PlanBuilder plan = new PlanBuilder();
        for (Service s : project.services().values()) {
            for (ObservedContainer c : observed.containersOf(s.name())) {
                if (c.readyNow()) continue;
                plan.add(new Action.WaitReady(c.name(), s.name(), timeoutSeconds), "up --wait: " + c.status(), List.of());
            }
        }
        return plan.build();
    }

    /** @param imageId the id the service's image has now, or null when not known */
    private static String recreateReason(ObservedContainer c, String hash, Service service, UpOptions options, String imageId) {
        switch (options.recreate()) {
            case NEVER -> { return null; }
            case FORCE -> { return "--force-recreate"; }
            case DIVERGED -> { }
        }
        if (!c.configHash().equals(hash)) return "configuration of service " + service.name() + " changed";
        if (imageId != null && c.imageId() != null && !imageId.equals(c.imageId())) return "image of service " + service.name() + " changed";
        return null;
    }

    /** Stop (when running) then remove; returns the id of the remove step. */
    static int remove(ObservedContainer c, String why, int timeout, PlanBuilder plan, Collection<Integer> after,
                              boolean volumes) {
        List<Integer> before = new ArrayList<>(after);
        if (c.running()) before = List.of(plan.add(new Action.StopContainer(c.name(), c.service(), timeout), why, after));
        return plan.add(new Action.RemoveContainer(c.name(), c.service(), volumes), why, before);
    }

    static void orphans(Project project, ObservedState observed, Orphans policy, int timeout, PlanBuilder plan) {
        // one-off containers of services the project no longer has (or has disabled) are orphans too
        List<ObservedContainer> orphans = observed.containers().stream()
                .filter(c -> !project.services().containsKey(c.service())).toList();
        if (orphans.isEmpty() || policy == Orphans.IGNORE) return;
        if (policy == Orphans.REMOVE) {
            for (ObservedContainer c : orphans) remove(c, "orphan: service " + c.service() + " is not in the project", timeout, plan, List.of(), false);
        } else {
            plan.warn("Found orphan containers (" + String.join(", ", orphans.stream().map(ObservedContainer::name).toList())
                    + ") for this project. If you removed or renamed this service in your compose file, you can run"
                    + " this command with the --remove-orphans flag to clean it up.");
        }
    }

    /** {@link LifecyclePlans#down}. */
    public static Plan down(String projectName, Project project, ObservedState observed, DownOptions options) {
        return LifecyclePlans.down(projectName, project, observed, options);
    }

    /** {@link LifecyclePlans#stop}. */
    public static Plan stop(Project project, ObservedState observed, int timeoutSeconds) {
        return LifecyclePlans.stop(project, observed, timeoutSeconds);
    }

    /** {@link LifecyclePlans#kill}. */
    public static Plan kill(Project project, ObservedState observed, Collection<String> services, String signal, boolean removeOrphans) {
        return LifecyclePlans.kill(project, observed, services, signal, removeOrphans);
    }

    /** {@link LifecyclePlans#start}. */
    public static Plan start(Project project, ObservedState observed) {
        return LifecyclePlans.start(project, observed);
    }

    /** {@link LifecyclePlans#restart}. */
    public static Plan restart(Project project, ObservedState observed, int timeoutSeconds) {
        return LifecyclePlans.restart(project, observed, timeoutSeconds);
    }

    /** {@link LifecyclePlans#pause}. */
    public static Plan pause(Project project, ObservedState observed) {
        return LifecyclePlans.pause(project, observed);
    }

    /** {@link LifecyclePlans#unpause}. */
    public static Plan unpause(Project project, ObservedState observed) {
        return LifecyclePlans.unpause(project, observed);
    }

    /** {@link LifecyclePlans#rm}. */
    public static Plan rm(Project project, ObservedState observed, boolean stop, boolean volumes, int timeoutSeconds) {
        return LifecyclePlans.rm(project, observed, stop, volumes, timeoutSeconds);
    }

    /** {@link RunPlans#dependencies}. */
    public static Plan runDependencies(Project project, ObservedState observed, String service, RunOptions options) {
        return RunPlans.dependencies(project, observed, service, options);
    }

    /** {@link RunPlans#container}. */
    public static Plan runContainer(Project project, ObservedState observed, ContainerSpec spec, boolean start, PullPolicy pull) {
        return RunPlans.container(project, observed, spec, start, pull);
    }
}
