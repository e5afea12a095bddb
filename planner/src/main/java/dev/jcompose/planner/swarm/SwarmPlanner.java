package dev.jcompose.planner.swarm;

import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.observed.ObservedSwarm;
import dev.jcompose.planner.swarm.observed.SwarmNetwork;
import dev.jcompose.planner.swarm.observed.SwarmObject;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.plan.SwarmAction;
import dev.jcompose.planner.swarm.plan.SwarmPlan;
import dev.jcompose.planner.swarm.plan.SwarmPlanBuilder;
import dev.jcompose.planner.swarm.spec.FileReference;
import dev.jcompose.planner.swarm.spec.Gate;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.Stack;
import dev.jcompose.planner.swarm.spec.StackService;
import dev.jcompose.planner.swarm.spec.TaskTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Desired stack + observed swarm + options -> plan: pure and deterministic. Networks, configs and secrets first;
 * services in {@code depends_on} order with their gates; an update only where the spec-hash label differs;
 * superseded configs/secrets removed after convergence; prune when asked. Objects without the stack's namespace
 * label are never touched.
 */
public final class SwarmPlanner {
    /** Networks every node has, local-scoped, that a service may join as external (docker stack skips them too). */
    private static final Set<String> NODE_NETWORKS = Set.of("host", "bridge", "none");

    private final Stack stack;
    private final ObservedSwarm observed;
    private final SwarmOptions options;
    private final SwarmPlanBuilder plan = new SwarmPlanBuilder();
    /** The step that makes each network, config or secret of this plan, by swarm name. */
    private final Map<String, Integer> made = new TreeMap<>();
    /** The step that creates or updates each service, by compose name. */
    private final Map<String, Integer> changed = new TreeMap<>();
    /** Every step a removal of superseded or pruned objects must wait for. */
    private final SortedSet<Integer> beforeRemovals = new TreeSet<>();

    private SwarmPlanner(Stack stack, ObservedSwarm observed, SwarmOptions options) {
        this.stack = stack;
        this.observed = observed;
        this.options = options;
    }

    /** @throws PlanException an external network, config or secret is missing (named), or depends_on has a cycle */
    public static SwarmPlan plan(Stack stack, ObservedSwarm observed, SwarmOptions options) {
        return new SwarmPlanner(stack, observed, options).plan();
    }

    private SwarmPlan plan() {
        requireExternals();
        for (NetworkSpec n : stack.networks().values()) network(n);
        for (ObjectSpec o : stack.configs().values()) object(o, observed.configs());
        for (ObjectSpec o : stack.secrets().values()) object(o, observed.secrets());
        List<StackService> order = ServiceOrder.of(stack);
        Map<String, Integer> gates = new TreeMap<>();
        for (StackService s : order) service(s, gates);
        List<SwarmService> orphans = orphanServices();
        boolean orphansKept = !orphans.isEmpty() && !options.prune();
        waits(objectRemovals(orphansKept));
        removals(orphans, orphansKept);
        return plan.build();
    }

    private boolean ours(Map<String, String> labels) {
        return stack.namespace().equals(labels.get(StackLabels.NAMESPACE));
    }

    private void requireExternals() {
        List<String> missing = new ArrayList<>();
        for (String n : stack.externalNetworks()) {
            SwarmNetwork found = observed.networks().stream().filter(o -> o.name().equals(n)).findFirst().orElse(null);
            if (found == null && !NODE_NETWORKS.contains(n)) missing.add("network " + n);
            if (found != null && !NODE_NETWORKS.contains(n) && !"swarm".equals(found.scope())) {
                throw new PlanException("external network " + n + " has scope " + found.scope() + ", not swarm: a swarm service "
                        + "joins only swarm-scoped networks (docker network create -d overlay " + n + ")");
            }
        }
        for (String n : stack.externalConfigs()) {
            if (observed.configs().stream().noneMatch(o -> o.name().equals(n))) missing.add("config " + n);
        }
        for (String n : stack.externalSecrets()) {
            if (observed.secrets().stream().noneMatch(o -> o.name().equals(n))) missing.add("secret " + n);
        }
        if (!missing.isEmpty()) {
            throw new PlanException("external " + String.join(", ", missing) + (missing.size() == 1 ? " does" : " do")
                    + " not exist on this swarm: create " + (missing.size() == 1 ? "it" : "them") + " first (external: true means "
                    + "the project does not make it)");
        }
    }

    private void network(NetworkSpec n) {
        SwarmNetwork existing = observed.networks().stream().filter(o -> o.name().equals(n.name())).findFirst().orElse(null);
        if (existing == null) {
            made.put(n.name(), plan.add(new SwarmAction.CreateNetwork(n), "missing", List.of()));
            return;
        }
        if (!ours(existing.labels())) {
            throw new PlanException("network " + n.name() + " exists and is not this stack's (it has no "
                    + StackLabels.NAMESPACE + "=" + stack.namespace() + " label): remove it, or name the network otherwise");
        }
        if (!n.driver().equals(existing.driver())) {
            // a swarm network cannot change; remaking it would cut every task off
            plan.warn("network " + n.name() + " has driver " + existing.driver() + ", the file says " + n.driver()
                    + ": kept as it is (remove the stack to make it again)");
        }
    }

    private void object(ObjectSpec o, List<SwarmObject> existing) {
        SwarmObject same = existing.stream().filter(e -> e.name().equals(o.name())).findFirst().orElse(null);
        String kind = o.kind().key();
        if (same != null) {
            if (!ours(same.labels())) {
                throw new PlanException(kind + " " + o.name() + " exists and is not this stack's (it has no "
                        + StackLabels.NAMESPACE + "=" + stack.namespace() + " label)");
            }
            return;
        }
        List<String> older = existing.stream().filter(e -> ours(e.labels()) && o.composeName().equals(e.labels().get(StackLabels.OBJECT_NAME)))
                .map(SwarmObject::name).toList();
        String cause = older.isEmpty() ? "missing" : "content changed (was " + String.join(", ", older) + ")";
        SwarmAction action = o.kind() == ObjectSpec.Kind.CONFIG ? new SwarmAction.CreateConfig(o) : new SwarmAction.CreateSecret(o);
        made.put(o.name(), plan.add(action, cause, List.of()));
    }

    private void service(StackService s, Map<String, Integer> gates) {
        SwarmService existing = observed.services().stream().filter(o -> o.name().equals(s.name())).findFirst().orElse(null);
        if (existing != null && !ours(existing.labels())) {
            throw new PlanException("service " + s.name() + " exists and is not this stack's (it has no "
                    + StackLabels.NAMESPACE + "=" + stack.namespace() + " label)");
        }
        String oldHash = existing == null ? null : existing.labels().get(StackLabels.SPEC_HASH);
        if (existing != null && s.specHash().equals(oldHash)) return;
        SortedSet<Integer> after = new TreeSet<>(uses(s));
        for (Map.Entry<String, Gate> d : s.dependsOn().entrySet()) {
            StackService dependency = stack.services().get(d.getKey());
            if (dependency == null) continue; // not deployed (a profile's): nothing to wait for
            after.add(gates.computeIfAbsent(d.getKey() + " " + d.getValue().condition(), k -> gate(dependency, d.getValue())));
        }
        String desiredImage = s.spec().labels().get(StackLabels.IMAGE);
        int id;
        if (existing == null) {
            id = plan.add(new SwarmAction.CreateService(s.spec(), options.resolveImage() != SwarmOptions.ResolveImage.NEVER),
                    "missing", after);
        } else if (existing.mode() != null && !existing.mode().key().equals(s.spec().mode().key())) {
            // the engine refuses to change a service's mode: the service is made again
            int removed = plan.add(new SwarmAction.RemoveService(existing.id(), existing.name()),
                    "mode " + existing.mode().key() + " -> " + s.spec().mode().key() + ": a swarm cannot change a service's mode", after);
            id = plan.add(new SwarmAction.CreateService(s.spec(), options.resolveImage() != SwarmOptions.ResolveImage.NEVER),
                    "made again in mode " + s.spec().mode().key(), List.of(removed));
        } else {
            String oldImage = existing.labels().get(StackLabels.IMAGE);
            boolean imageChanged = !desiredImage.equals(oldImage);
            boolean query = options.resolveImage() == SwarmOptions.ResolveImage.ALWAYS
                    || options.resolveImage() == SwarmOptions.ResolveImage.CHANGED && imageChanged;
            String cause = oldHash == null ? "no spec hash label (made by another tool)"
                    : imageChanged ? "image " + oldImage + " -> " + desiredImage
                    : "spec changed (hash " + oldHash.substring(0, Math.min(12, oldHash.length())) + " -> " + s.specHash().substring(0, 12) + ")";
            // as docker stack: an unchanged image keeps the digest the engine resolved at the last deploy, so that a
            // moved tag does not slip in with another change (--resolve-image always asks the registry again)
            boolean keepDigest = !imageChanged && options.resolveImage() != SwarmOptions.ResolveImage.ALWAYS && existing.image() != null;
            id = plan.add(new SwarmAction.UpdateService(existing.id(), existing.versionIndex(), existing.forceUpdate(),
                    keepDigest ? s.spec().withImage(existing.image()) : s.spec(), query), cause, after);
        }
        changed.put(s.composeName(), id);
    }

    /** The steps that make the networks, configs and secrets the service uses. */
    private List<Integer> uses(StackService s) {
        List<Integer> out = new ArrayList<>();
        for (TaskTemplate.NetworkAttachment n : s.spec().taskTemplate().networks()) if (made.containsKey(n.target())) out.add(made.get(n.target()));
        for (FileReference r : s.spec().taskTemplate().containerSpec().configs()) if (made.containsKey(r.objectName())) out.add(made.get(r.objectName()));
        for (FileReference r : s.spec().taskTemplate().containerSpec().secrets()) if (made.containsKey(r.objectName())) out.add(made.get(r.objectName()));
        return out;
    }

    private int gate(StackService dependency, Gate gate) {
        if (gate.condition() == Gate.Condition.HEALTHY && !dependency.healthcheck()) {
            plan.warn("service " + dependency.composeName() + " has no healthcheck in the file: service_healthy waits for "
                    + "the image's own, and fails if it has none");
        }
        if (gate.condition() == Gate.Condition.COMPLETED && !dependency.spec().mode().isJob()) {
            plan.warn("service " + dependency.composeName() + " is not a job (deploy.mode: replicated-job): "
                    + "service_completed_successfully waits for tasks that a swarm restarts");
        }
        Integer own = changed.get(dependency.composeName());
        return plan.add(new SwarmAction.WaitFor(dependency.name(), gate.condition(), gate.required()),
                "a dependency of " + dependentsOf(dependency.composeName(), gate.condition()) + " (" + gate.condition().key()
                        + (gate.required() ? ")" : ", required: false: a failure is a warning)"),
                own == null ? List.of() : List.of(own));
    }

    private String dependentsOf(String service, Gate.Condition condition) {
        List<String> out = new ArrayList<>();
        for (StackService s : stack.services().values()) {
            Gate g = s.dependsOn().get(service);
            if (g != null && g.condition() == condition) out.add(s.composeName());
        }
        return String.join(", ", out);
    }

    /** Convergence waits: before superseded objects go (for the services changed), and for every service with {@code --wait}. */
    private void waits(boolean objectRemovals) {
        for (StackService s : stack.services().values()) {
            Integer own = changed.get(s.composeName());
            if (own == null && !options.waitAll()) continue;
            Gate.Condition condition = s.spec().mode().isJob() ? Gate.Condition.COMPLETED : Gate.Condition.CONVERGED;
            String cause = options.waitAll() ? "--wait" : "its update must converge before what it used is removed";
            if (!options.waitAll() && !objectRemovals) continue;
            beforeRemovals.add(plan.add(new SwarmAction.WaitFor(s.name(), condition, true), cause, own == null ? List.of() : List.of(own)));
        }
    }

    /** Whether the plan removes a config or secret: the services changed must converge first. */
    private boolean objectRemovals(boolean orphansKept) {
        return removable(observed.configs(), stack.configs(), orphansKept) || removable(observed.secrets(), stack.secrets(), orphansKept);
    }

    private boolean removable(List<SwarmObject> existing, SortedMap<String, ObjectSpec> desired, boolean orphansKept) {
        SortedSet<String> keys = new TreeSet<>();
        for (ObjectSpec o : desired.values()) keys.add(o.composeName());
        for (SwarmObject o : stale(existing, desired)) {
            String key = o.labels().get(StackLabels.OBJECT_NAME);
            boolean superseded = key != null && keys.contains(key);
            if (superseded ? !orphansKept : options.prune()) return true;
        }
        return false;
    }

    private List<SwarmService> orphanServices() {
        List<SwarmService> out = new ArrayList<>();
        for (SwarmService o : observed.services()) {
            if (!ours(o.labels())) continue;
            if (stack.services().values().stream().noneMatch(s -> s.name().equals(o.name()))) out.add(o);
        }
        return out;
    }

    private void removals(List<SwarmService> orphans, boolean orphansKept) {
        List<Integer> removedServices = new ArrayList<>();
        for (SwarmService o : orphans) {
            if (options.prune()) {
                removedServices.add(plan.add(new SwarmAction.RemoveService(o.id(), o.name()), "not in the file (--prune)", List.of()));
            } else {
                plan.warn("service " + o.name() + " is not in the file: kept (deploy --prune removes it)");
            }
        }
        SortedSet<Integer> after = new TreeSet<>(beforeRemovals);
        after.addAll(removedServices);
        objects(observed.configs(), stack.configs(), ObjectSpec.Kind.CONFIG, after, orphansKept);
        objects(observed.secrets(), stack.secrets(), ObjectSpec.Kind.SECRET, after, orphansKept);
        for (SwarmNetwork n : observed.networks()) {
            if (!ours(n.labels()) || stack.networks().containsKey(n.name())) continue;
            if (options.prune()) {
                plan.add(new SwarmAction.RemoveNetwork(n.id(), n.name()), "not in the file (--prune)", removedServices);
            } else {
                plan.warn("network " + n.name() + " is not in the file: kept (deploy --prune removes it)");
            }
        }
    }

    /** The project's objects the file no longer names: an older version of a key it has (superseded), or a key it dropped. */
    private List<SwarmObject> stale(List<SwarmObject> existing, SortedMap<String, ObjectSpec> desired) {
        return existing.stream().filter(o -> ours(o.labels()) && !desired.containsKey(o.name())).toList();
    }

    private void objects(List<SwarmObject> existing, SortedMap<String, ObjectSpec> desired, ObjectSpec.Kind kind,
                         SortedSet<Integer> after, boolean orphansKept) {
        SortedSet<String> keys = new TreeSet<>();
        for (ObjectSpec o : desired.values()) keys.add(o.composeName());
        for (SwarmObject o : stale(existing, desired)) {
            String key = o.labels().get(StackLabels.OBJECT_NAME);
            boolean superseded = key != null && keys.contains(key);
            if (superseded && orphansKept) {
                // a service left running may still use it, and the engine refuses to remove what is in use
                plan.warn(kind.key() + " " + o.name() + " is superseded but kept: services not in the file may use it "
                        + "(deploy --prune removes both)");
            } else if (superseded) {
                String now = desired.values().stream().filter(d -> d.composeName().equals(key)).map(ObjectSpec::name).findFirst().orElseThrow();
                plan.add(kind == ObjectSpec.Kind.CONFIG ? new SwarmAction.RemoveConfig(o.id(), o.name()) : new SwarmAction.RemoveSecret(o.id(), o.name()),
                        "superseded by " + now, after);
            } else if (options.prune()) {
                plan.add(kind == ObjectSpec.Kind.CONFIG ? new SwarmAction.RemoveConfig(o.id(), o.name()) : new SwarmAction.RemoveSecret(o.id(), o.name()),
                        "not in the file (--prune)", after);
            } else {
                plan.warn(kind.key() + " " + o.name() + " is not in the file: kept (deploy --prune removes it)");
            }
        }
    }
}
