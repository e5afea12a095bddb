package dev.jcompose.planner;

import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.CycleDetector;
import org.jgrapht.alg.cycle.TarjanSimpleCycles;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The services and their {@code depends_on} edges. Edges run from a dependency to its dependent, so that a
 * topological order starts things before what needs them. A cycle is an error that names it.
 */
public final class ServiceGraph {
    private final Graph<String, DefaultEdge> graph;

    private ServiceGraph(Graph<String, DefaultEdge> graph) {
        this.graph = graph;
    }

    public static ServiceGraph of(Project project) {
        Map<String, Set<String>> deps = new java.util.TreeMap<>();
        for (Service s : project.services().values()) deps.put(s.name(), s.dependsOn().keySet());
        return of(deps);
    }

    /**
     * @param dependencies each service to the services it depends on; dependencies outside the map are ignored
     *                     (they belong to services not selected)
     */
    public static ServiceGraph of(Map<String, ? extends Set<String>> dependencies) {
        Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
        new TreeSet<>(dependencies.keySet()).forEach(g::addVertex);
        for (Map.Entry<String, ? extends Set<String>> e : new java.util.TreeMap<>(dependencies).entrySet()) {
            for (String dep : new TreeSet<>(e.getValue())) {
                if (g.containsVertex(dep)) g.addEdge(dep, e.getKey());
            }
        }
        if (new CycleDetector<>(g).detectCycles()) throw new PlanException(describeCycle(g));
        return new ServiceGraph(g);
    }

    /** Dependencies before dependents; among independent services, by name. */
    public List<String> startOrder() {
        List<String> out = new ArrayList<>();
        new TopologicalOrderIterator<>(graph, Comparator.<String>naturalOrder()).forEachRemaining(out::add);
        return out;
    }

    /** Dependents before their dependencies: the order to stop in. */
    public List<String> stopOrder() {
        List<String> out = startOrder();
        Collections.reverse(out);
        return out;
    }

    public SortedSet<String> dependenciesOf(String service) {
        SortedSet<String> out = new TreeSet<>();
        for (DefaultEdge e : graph.incomingEdgesOf(service)) out.add(graph.getEdgeSource(e));
        return out;
    }

    public SortedSet<String> dependentsOf(String service) {
        SortedSet<String> out = new TreeSet<>();
        for (DefaultEdge e : graph.outgoingEdgesOf(service)) out.add(graph.getEdgeTarget(e));
        return out;
    }

    public Set<String> services() {
        return Collections.unmodifiableSet(graph.vertexSet());
    }

    /** "dependency cycle detected: a -> b -> a", the shortest cycle, starting from its smallest name. */
    private static String describeCycle(Graph<String, DefaultEdge> g) {
        List<List<String>> cycles = new TarjanSimpleCycles<>(g).findSimpleCycles();
        List<String> best = null;
        for (List<String> cycle : cycles) {
            List<String> rotated = rotateToSmallest(cycle);
            if (best == null || rotated.size() < best.size()
                    || (rotated.size() == best.size() && String.join(",", rotated).compareTo(String.join(",", best)) < 0)) {
                best = rotated;
            }
        }
        // Edges run dependency -> dependent; a person reads "a depends on b", so print the cycle reversed.
        List<String> readable = new ArrayList<>(best);
        Collections.reverse(readable);
        readable = rotateToSmallest(readable);
        readable.add(readable.get(0));
        return "dependency cycle detected: " + String.join(" -> ", readable)
                + " (each service depends on the next; remove one of these depends_on entries)";
    }

    private static List<String> rotateToSmallest(List<String> cycle) {
        int min = 0;
        for (int i = 1; i < cycle.size(); i++) if (cycle.get(i).compareTo(cycle.get(min)) < 0) min = i;
        List<String> out = new ArrayList<>(cycle.subList(min, cycle.size()));
        out.addAll(cycle.subList(0, min));
        return out;
    }
}
