package dev.jcompose.service.swarm;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.ImageCopy;
import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.ImagePlanner;
import dev.jcompose.planner.observed.ObservedState;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.planner.plan.Plan;
import dev.jcompose.planner.plan.PlanBuilder;
import dev.jcompose.planner.swarm.observed.SwarmNode;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.Events;
import dev.jcompose.service.Outcome;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The first phase of {@code deploy}: the images of the services with a {@code build:} section built here (from the
 * builder's cache when nothing changed), named by their content ({@link ContentTag}), and sent where the swarm's
 * nodes find them ({@link Distribution}). What the converter is then given for those services instead of the file's
 * image.
 */
final class StackImages {
    /**
     * @param references per compose service with a build section, the image its tasks run
     * @param outcome    how the builds and transfers ended
     */
    record Result(SortedMap<String, String> references, Outcome outcome) {}

    private final ComposeService compose;
    private final Function<String, Engine> nodeEngines;

    StackImages(ComposeService compose, Function<String, Engine> nodeEngines) {
        this.compose = compose;
        this.nodeEngines = nodeEngines;
    }

    Result prepare(Project project, Distribution distribution, List<SwarmNode> nodes, boolean dryRun, Events events) {
        Engine engine = compose.engine();
        ObservedState observed = compose.observe(project);
        // always built: the builder's cache makes an unchanged image again (same id, same tag, no update), and a
        // changed source a new one, which `up`'s build-when-missing would not notice
        Plan builds = ImagePlanner.builds(project, observed, BuildOptions.forced(false, false, Map.of()));
        SortedMap<String, String> references = new TreeMap<>();
        if (builds.isEmpty()) return new Result(references, Outcome.OK);
        Outcome built = compose.execute(builds, dryRun, events);
        if (!built.ok()) return new Result(references, built);
        // the images named, each once however many services share it
        SortedMap<String, ContentTag> tags = new TreeMap<>();
        for (Service s : project.services().values()) {
            if (s.buildConfig() == null) continue;
            String name = ImagePlanner.imageName(project, s);
            String id = engine.imageId(name).orElse(null);
            if (id == null) {
                if (!dryRun) throw new IllegalStateException("the image " + name + " of service " + s.name() + " was built but is not on the engine");
                // a dry run built nothing: the service would run what the build makes
                references.put(s.name(), ContentTag.repository(name) + ":<content tag of the build>");
                continue;
            }
            ContentTag tag = ContentTag.of(name, id);
            tags.put(name, tag);
            references.put(s.name(), tag.reference());
        }
        if (dryRun) return new Result(references, Outcome.OK);
        for (Map.Entry<String, ContentTag> t : tags.entrySet()) {
            engine.tagImage(t.getKey(), t.getValue().repository(), t.getValue().tag());
        }
        Outcome sent = Outcome.OK;
        if (distribution instanceof Distribution.Push) sent = push(tags, events);
        else if (distribution instanceof Distribution.Stream stream) sent = stream(engine, stream.nodeHosts(), nodes, tags, events);
        else warnIfOtherNodes(nodes, tags, events);
        return new Result(references, sent);
    }

    /** A swarm of more than this engine's node, and images only here: the tasks placed elsewhere cannot start. */
    private static void warnIfOtherNodes(List<SwarmNode> nodes, SortedMap<String, ContentTag> tags, Events events) {
        if (nodes.size() <= 1 || tags.isEmpty()) return;
        List<String> refs = tags.values().stream().map(ContentTag::reference).toList();
        events.warning("the swarm has " + nodes.size() + " nodes and the images built here (" + String.join(", ", refs)
                + ") are on this engine only: a task placed on another node fails with \"No such image\"; "
                + "use --push (a registry) or --node-host NODE=DOCKER_HOST (each node's engine)");
    }

    private Outcome push(SortedMap<String, ContentTag> tags, Events events) {
        PlanBuilder plan = new PlanBuilder();
        for (String reference : new TreeSet<>(tags.values().stream().map(ContentTag::reference).toList())) {
            plan.add(new Action.PushImage(reference), "deploy --push: the nodes pull it from its registry", List.of());
        }
        return compose.transfer(plan.build(), false, events);
    }

    /** {@code --node-host}: each named node's engine gets every built image it lacks, streamed from this one. */
    private Outcome stream(Engine engine, SortedMap<String, String> hosts, List<SwarmNode> nodes, SortedMap<String, ContentTag> tags,
                           Events events) {
        List<String> errors = new ArrayList<>();
        TreeSet<String> known = new TreeSet<>();
        for (SwarmNode n : nodes) {
            known.add(n.hostname());
            known.add(n.id());
        }
        for (Map.Entry<String, String> h : hosts.entrySet()) {
            if (!nodes.isEmpty() && !known.contains(h.getKey())) {
                errors.add("--node-host " + h.getKey() + ": the swarm has no such node (its nodes: "
                        + String.join(", ", nodes.stream().map(SwarmNode::hostname).sorted().toList()) + ")");
                continue;
            }
            try (Engine node = nodeEngines.apply(h.getValue())) {
                for (ContentTag t : tags.values()) {
                    String id = engine.imageId(t.reference()).orElseThrow();
                    if (id.equals(node.imageId(t.reference()).orElse(null))) continue; // it has this very image
                    ImageCopy.copy(engine, t.reference(), node);
                }
            } catch (RuntimeException e) {
                errors.add("--node-host " + h.getKey() + "=" + h.getValue() + ": " + e.getMessage());
            }
        }
        return errors.isEmpty() ? Outcome.OK : new Outcome(Outcome.Status.FAILED, errors, List.of(), 0);
    }
}
