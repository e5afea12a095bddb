package dev.jcompose.planner;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.ObservedNetwork;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.observed.ObservedVolume;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The plans of the commands that act on existing containers: down, stop, kill, start, restart, pause, unpause, rm.
 * Pure, as {@link Planner}'s, which is their public door.
 */
final class LifecyclePlans {
    private LifecyclePlans() {}

    /**
     * The plan of {@code down}: stop dependents before their dependencies (read from the containers' own
     * depends_on labels, so it works without the Compose file), remove the containers, then the project's networks,
     * and with {@code -v} its volumes. Nothing without the project's label is touched.
     *
     * @param project the loaded project, or null when only the project name is known
     */
    static Plan down(String projectName, Project project, ObservedState observed, DownOptions options) {
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
    static Plan stop(Project project, ObservedState observed, int timeoutSeconds) {
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
    static Plan kill(Project project, ObservedState observed, Collection<String> services, String signal, boolean removeOrphans) {
        PlanBuilder plan = new PlanBuilder();
        observed.containers().stream()
                .filter(c -> c.running() && project.services().containsKey(c.service()))
                .filter(c -> services.isEmpty() || services.contains(c.service()))
                .sorted(Comparator.comparing(ObservedContainer::name))
                .forEach(c -> plan.add(new Action.KillContainer(c.name(), c.service(), signal), c.state() + "; signal " + signal, Set.of()));
        Planner.orphans(project, observed, removeOrphans ? Orphans.REMOVE : Orphans.WARN, Action.StopContainer.OWN_TIMEOUT, plan);
        return plan.build();
    }

    /** The plan of {@code start}: existing containers that are not running, dependencies first. Creates nothing. */
    static Plan start(Project project, ObservedState observed) {
        return inStartOrder(project, observed, (c, after, plan) -> c.running() ? null
                : Hooks.afterStart(plan, project.service(c.service()), c.name(),
                        plan.add(new Action.StartContainer(c.name(), c.service()), "container is " + c.state(), after)));
    }

    /** The plan of {@code restart}: every existing container of the services, in place, dependencies first. */
    static Plan restart(Project project, ObservedState observed, int timeoutSeconds) {
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
    static Plan pause(Project project, ObservedState observed) {
        return inStartOrder(project, observed, (c, after, plan) -> c.state().equals("running")
                ? plan.add(new Action.PauseContainer(c.name(), c.service()), "pause", Set.of()) : null);
    }

    /** The plan of {@code unpause}: the paused containers of the services. */
    static Plan unpause(Project project, ObservedState observed) {
        return inStartOrder(project, observed, (c, after, plan) -> c.state().equals("paused")
                ? plan.add(new Action.UnpauseContainer(c.name(), c.service()), "unpause", Set.of()) : null);
    }

    /**
     * The plan of {@code rm}: the services' stopped containers (one-off ones included); with {@code stop} the
     * running ones are stopped first; anonymous volumes go too with {@code volumes}. Returns an empty plan when
     * there is nothing to remove.
     */
    static Plan rm(Project project, ObservedState observed, boolean stop, boolean volumes, int timeoutSeconds) {
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
