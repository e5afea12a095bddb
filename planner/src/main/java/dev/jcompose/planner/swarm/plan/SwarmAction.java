package dev.jcompose.planner.swarm.plan;

import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.spec.Gate;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.ServiceSpec;

/**
 * One step of a swarm deploy: one engine call (or one wait on tasks). The swarm executor maps each kind to its call
 * and decides nothing.
 */
public sealed interface SwarmAction {
    /** What it works on, as the plan's text and progress show it: {@code Service demo_web}. */
    String resource();

    /** The verb in the plan's text: {@code create}, {@code update}, {@code remove}, {@code wait healthy}... */
    String verb();

    /** Creates an overlay network ({@code POST /networks/create}). */
    record CreateNetwork(NetworkSpec spec) implements SwarmAction {
        public String resource() { return "Network " + spec.name(); }
        public String verb() { return "create"; }
    }

    /** Removes a network of the project by id. */
    record RemoveNetwork(String id, String name) implements SwarmAction {
        public String resource() { return "Network " + name; }
        public String verb() { return "remove"; }
    }

    /** Creates a config object ({@code POST /configs/create}); {@code spec.kind()} is {@code CONFIG}. */
    record CreateConfig(ObjectSpec spec) implements SwarmAction {
        public CreateConfig {
            if (spec.kind() != ObjectSpec.Kind.CONFIG) throw new IllegalArgumentException("not a config: " + spec.name());
        }

        public String resource() { return "Config " + spec.name(); }
        public String verb() { return "create"; }
    }

    /** Removes a config object of the project by id. */
    record RemoveConfig(String id, String name) implements SwarmAction {
        public String resource() { return "Config " + name; }
        public String verb() { return "remove"; }
    }

    /** Creates a secret object ({@code POST /secrets/create}); {@code spec.kind()} is {@code SECRET}. */
    record CreateSecret(ObjectSpec spec) implements SwarmAction {
        public CreateSecret {
            if (spec.kind() != ObjectSpec.Kind.SECRET) throw new IllegalArgumentException("not a secret: " + spec.name());
        }

        public String resource() { return "Secret " + spec.name(); }
        public String verb() { return "create"; }
    }

    /** Removes a secret object of the project by id. */
    record RemoveSecret(String id, String name) implements SwarmAction {
        public String resource() { return "Secret " + name; }
        public String verb() { return "remove"; }
    }

    /**
     * Creates a service ({@code POST /services/create}).
     *
     * @param queryRegistry whether the engine resolves the image to a digest at the registry
     *                      ({@code --resolve-image always|changed})
     */
    record CreateService(ServiceSpec spec, boolean queryRegistry) implements SwarmAction {
        public String resource() { return "Service " + spec.name(); }
        public String verb() { return "create"; }
    }

    /**
     * Updates a service ({@code POST /services/{id}/update?version=...}).
     *
     * @param versionIndex the observed {@code Version.Index}; the executor retries a bounded number of times on
     *                     "update out of sequence" with a fresh one
     * @param forceUpdate  the observed {@code TaskTemplate.ForceUpdate}, sent back unchanged (see
     *                     {@link dev.jcompose.planner.swarm.observed.SwarmService#forceUpdate})
     */
    record UpdateService(String id, long versionIndex, long forceUpdate, ServiceSpec spec, boolean queryRegistry) implements SwarmAction {
        public String resource() { return "Service " + spec.name(); }
        public String verb() { return "update"; }
    }

    /** Removes a service of the project by id. */
    record RemoveService(String id, String name) implements SwarmAction {
        public String resource() { return "Service " + name; }
        public String verb() { return "remove"; }
    }

    /**
     * Waits, through the service's tasks, until it passes the gate ({@code depends_on} conditions, or convergence
     * before superseded objects are removed and for {@code --wait}).
     *
     * @param service  the swarm service name
     * @param required false: a failed gate is a warning and the deploy goes on
     */
    record WaitFor(String service, Gate.Condition condition, boolean required) implements SwarmAction {
        public String resource() { return "Service " + service; }
        public String verb() {
            return switch (condition) {
                case STARTED -> "wait started";
                case HEALTHY -> "wait healthy";
                case COMPLETED -> "wait completed";
                case CONVERGED -> "wait converged";
            };
        }
    }
}
