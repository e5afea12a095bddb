package dev.jcompose.planner.swarm;

import dev.jcompose.planner.PlanException;
import dev.jcompose.planner.swarm.spec.Stack;
import dev.jcompose.planner.swarm.spec.StackService;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The stack's services in {@code depends_on} order; among those free to go, by name, so the order is stable. */
final class ServiceOrder {
    private ServiceOrder() {
    }

    static List<StackService> of(Stack stack) {
        List<StackService> out = new ArrayList<>();
        SortedSet<String> done = new TreeSet<>();
        SortedSet<String> left = new TreeSet<>(stack.services().keySet());
        while (!left.isEmpty()) {
            String next = null;
            for (String name : left) {
                boolean ready = stack.services().get(name).dependsOn().keySet().stream()
                        .allMatch(d -> done.contains(d) || !stack.services().containsKey(d));
                if (ready) {
                    next = name;
                    break;
                }
            }
            if (next == null) throw new PlanException("depends_on has a cycle among " + String.join(", ", left));
            out.add(stack.services().get(next));
            done.add(next);
            left.remove(next);
        }
        return out;
    }
}
