package dev.jcompose.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ServiceGraphTest {
    @Test
    void startsDependenciesFirstAndIndependentServicesByName() {
        ServiceGraph g = ServiceGraph.of(Map.of("web", Set.of("api"), "api", Set.of("db"), "db", Set.of(), "docs", Set.of()));
        assertEquals(List.of("db", "api", "docs", "web"), g.startOrder());
        assertEquals(List.of("web", "docs", "api", "db"), g.stopOrder());
        assertEquals(Set.of("api"), g.dependenciesOf("web"));
        assertEquals(Set.of("web"), g.dependentsOf("api"));
    }

    @Test
    void namesTheShortestCycleInTheOrderAPersonReadsIt() {
        PlanException e = assertThrows(PlanException.class, () -> ServiceGraph.of(Map.of(
                "a", Set.of("b"), "b", Set.of("a", "c"), "c", Set.of("d"), "d", Set.of("b"))));
        assertEquals("dependency cycle detected: a -> b -> a (each service depends on the next; remove one of these depends_on entries)",
                e.getMessage());
    }

    @Test
    void aServiceDependingOnItselfIsACycle() {
        PlanException e = assertThrows(PlanException.class, () -> ServiceGraph.of(Map.of("a", Set.of("a"))));
        assertEquals("dependency cycle detected: a -> a (each service depends on the next; remove one of these depends_on entries)", e.getMessage());
    }

    @Test
    void ignoresDependenciesOnServicesNotInTheGraph() {
        assertEquals(List.of("web"), ServiceGraph.of(Map.of("web", Set.of("not-selected"))).startOrder());
    }
}
