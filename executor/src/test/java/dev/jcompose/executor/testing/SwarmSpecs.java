package dev.jcompose.executor.testing;

import dev.jcompose.planner.spec.NetworkSpec;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.planner.swarm.spec.EndpointSpec;
import dev.jcompose.planner.swarm.spec.FileReference;
import dev.jcompose.planner.swarm.spec.HealthConfig;
import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.planner.swarm.spec.Placement;
import dev.jcompose.planner.swarm.spec.RestartPolicy;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import dev.jcompose.planner.swarm.spec.TaskContainerSpec;
import dev.jcompose.planner.swarm.spec.TaskTemplate;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Swarm specs for tests of the swarm port and executor, labelled as a stack's ({@code com.docker.stack.namespace}
 * and compose's project labels, on the service and its task containers, so that the fixtures' clean-up finds them),
 * with {@code endpoint_mode: dnsrr}: this kernel has no IPVS for the default VIP.
 */
public final class SwarmSpecs {
    private SwarmSpecs() {}

    public static Service service(String namespace, String service) {
        return new Service(namespace, service);
    }

    /** The labels of the stack's objects. */
    public static TreeMap<String, String> stackLabels(String namespace) {
        return new TreeMap<>(Map.of(StackLabels.NAMESPACE, namespace, StackLabels.COMPOSE_PROJECT, namespace));
    }

    public static NetworkSpec overlay(String namespace, String network) {
        return new NetworkSpec(namespace + "_" + network, "overlay", new TreeMap<>(), stackLabels(namespace), false, true, null, null);
    }

    public static ObjectSpec config(String namespace, String name, String content) {
        return object(ObjectSpec.Kind.CONFIG, namespace, name, content);
    }

    public static ObjectSpec secret(String namespace, String name, String content) {
        return object(ObjectSpec.Kind.SECRET, namespace, name, content);
    }

    private static ObjectSpec object(ObjectSpec.Kind kind, String namespace, String name, String content) {
        TreeMap<String, String> labels = stackLabels(namespace);
        labels.put(StackLabels.OBJECT_NAME, name);
        String hash = Integer.toHexString(content.hashCode());
        return new ObjectSpec(kind, name, namespace + "_" + name + "_" + hash, labels, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A service spec, built a piece at a time. */
    public static final class Service {
        private final String namespace;
        private final String service;
        private String image = RealEngine.BASE_IMAGE;
        private ServiceMode mode = new ServiceMode.Replicated(1);
        private List<String> args = List.of("sh", "-c", "trap 'exit 0' TERM; while true; do sleep 1; done");
        private HealthConfig healthcheck;
        private final List<String> constraints = new ArrayList<>();
        private final List<FileReference> configs = new ArrayList<>();
        private final List<FileReference> secrets = new ArrayList<>();
        private final List<TaskTemplate.NetworkAttachment> networks = new ArrayList<>();
        private final List<String> env = new ArrayList<>();
        private RestartPolicy restart;
        private String specHash = "0";

        private Service(String namespace, String service) {
            this.namespace = namespace;
            this.service = service;
        }

        public Service image(String newImage) {
            this.image = newImage;
            return this;
        }

        public Service mode(ServiceMode newMode) {
            this.mode = newMode;
            return this;
        }

        /** The command, run by the image's entrypoint (busybox has none: the command is the program). */
        public Service command(String... newArgs) {
            this.args = List.of(newArgs);
            return this;
        }

        /**
         * A healthcheck allowed 30 failures: with the engine's 3, a check every 500 ms of a task that is ready after
         * 2 s made it unhealthy first on a quiet machine, and a swarm shuts an unhealthy task down.
         */
        public Service healthcheck(String shellTest, Duration interval) {
            this.healthcheck = new HealthConfig(List.of("CMD-SHELL", shellTest), interval, Duration.ofSeconds(5), null, null, 30);
            return this;
        }

        public Service constraint(String expression) {
            constraints.add(expression);
            return this;
        }

        public Service config(ObjectSpec object, String target) {
            configs.add(new FileReference(object.name(), target, "0", "0", 0444));
            return this;
        }

        public Service secret(ObjectSpec object, String target) {
            secrets.add(new FileReference(object.name(), target, "0", "0", 0444));
            return this;
        }

        public Service network(String network) {
            networks.add(new TaskTemplate.NetworkAttachment(network, List.of(service), new TreeMap<>()));
            return this;
        }

        public Service env(String entry) {
            env.add(entry);
            return this;
        }

        public Service restart(RestartPolicy policy) {
            this.restart = policy;
            return this;
        }

        /** The value of the spec-hash label: a test that updates changes it, as a changed file would. */
        public Service specHash(String hash) {
            this.specHash = hash;
            return this;
        }

        /**
         * The spec. A service with no network of its own joins {@code <namespace>_default}, as docker stack's do: a task
         * on no network would be on the engine's default bridge, which a test engine need not have.
         */
        public ServiceSpec build() {
            if (networks.isEmpty()) network(namespace + "_default");
            TreeMap<String, String> labels = stackLabels(namespace);
            labels.put(StackLabels.COMPOSE_SERVICE, service);
            labels.put(StackLabels.IMAGE, image);
            labels.put(StackLabels.SPEC_HASH, specHash);
            TreeMap<String, String> containerLabels = stackLabels(namespace);
            containerLabels.put(StackLabels.COMPOSE_SERVICE, service);
            TaskContainerSpec container = new TaskContainerSpec(image, containerLabels, null, args, null, env, null, null,
                    List.of(), null, null, Duration.ofSeconds(2), healthcheck, List.of(), null, configs, secrets, List.of(), false,
                    new TreeMap<>(), List.of(), List.of(), List.of(), false, false);
            TaskTemplate template = new TaskTemplate(container, null, restart,
                    constraints.isEmpty() ? null : new Placement(constraints, List.of(), null), networks, null);
            return new ServiceSpec(namespace + "_" + service, labels, template, mode, null, null,
                    new EndpointSpec(EndpointSpec.Mode.DNSRR, List.of()));
        }
    }
}
