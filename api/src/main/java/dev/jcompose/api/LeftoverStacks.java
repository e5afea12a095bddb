package dev.jcompose.api;

import dev.jcompose.executor.Engine;
import dev.jcompose.planner.DownOptions;
import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.plan.Action;
import dev.jcompose.service.ComposeService;
import dev.jcompose.service.DownRequest;
import dev.jcompose.service.Events;
import dev.jcompose.service.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Stacks a crashed run left behind: containers whose owner label names a process of this host that no longer runs
 * (a JVM killed with {@code kill -9} never ran its shutdown hook). Taking them down needs no reaper image: the
 * labels say what is whose. Stacks of live processes, of other hosts, and of projects without the label (made by
 * {@code docker compose} or by hand) are never touched.
 */
final class LeftoverStacks {
    private LeftoverStacks() {}

    /** The names of the left-over projects on this engine. */
    static SortedSet<String> find(Engine engine) {
        String host = Hosts.localName();
        SortedSet<String> out = new TreeSet<>();
        SortedSet<String> alive = new TreeSet<>();
        for (ObservedContainer c : engine.allProjectContainers()) {
            var owner = Owner.parse(c.labels().get(Owner.LABEL));
            if (owner.isEmpty() || c.project() == null) continue;
            (owner.get().alive(host) ? alive : out).add(c.project());
        }
        out.removeAll(alive); // a project any live process still owns is not left over
        return out;
    }

    /** Takes every left-over stack down, its volumes too; returns the names of those taken down. */
    static List<String> sweep(ComposeService service) {
        List<String> swept = new ArrayList<>();
        for (String project : find(service.engine())) {
            DownRequest request = new DownRequest(new DownOptions(true, true, 0), DownRequest.RemoveImages.NONE, false);
            Outcome outcome = service.down(project, null, request, Events.NONE);
            if (outcome.ok()) swept.add(project);
        }
        return swept;
    }
}
