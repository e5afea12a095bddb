package dev.jcompose.planner.swarm;

import dev.jcompose.planner.swarm.spec.EndpointSpec;
import dev.jcompose.planner.swarm.spec.Placement;
import dev.jcompose.planner.swarm.spec.RestartPolicy;
import dev.jcompose.planner.swarm.spec.ServiceMode;
import dev.jcompose.planner.swarm.spec.TaskResources;
import dev.jcompose.planner.swarm.spec.UpdateConfig;
import dev.jcompose.spec.model.Deploy;
import dev.jcompose.spec.model.DeployResources;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Resources;
import dev.jcompose.spec.model.Service;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code deploy} section, {@code restart} and {@code ports} of a service as docker cli's
 * {@code convert/service.go} maps them: {@code convertDeployMode}, {@code convertRestartPolicy},
 * {@code convertResources}, {@code convertUpdateConfig}, {@code convertEndpointSpec}, the placement.
 */
final class DeployMapping {
    private static final Pattern RESTART = Pattern.compile("(no|always|unless-stopped|on-failure)(?::(\\d+))?");

    private DeployMapping() {
    }

    static ServiceMode mode(Conversion c, Service s) {
        Deploy d = s.deploy();
        Deploy.Mode mode = d.mode() == null ? Deploy.Mode.REPLICATED : d.mode();
        boolean replicasSet = d.replicas() != null || s.locations().containsKey("scale");
        switch (mode) {
            case GLOBAL, GLOBAL_JOB -> {
                if (replicasSet) c.error(s, "deploy.replicas", "replicas can only be used with replicated or replicated-job mode");
                return mode == Deploy.Mode.GLOBAL ? new ServiceMode.Global() : new ServiceMode.GlobalJob();
            }
            case REPLICATED_JOB -> {
                long n = d.replicas() == null ? 1 : d.replicas();
                return new ServiceMode.ReplicatedJob(n, n);
            }
            default -> {
                // scale (up's) and deploy.replicas agree, the loader checked; either gives the count
                return new ServiceMode.Replicated(s.scale());
            }
        }
    }

    /** {@code deploy.restart_policy} wins; else {@code restart} as docker stack reads it. */
    static RestartPolicy restart(Conversion c, Service s) {
        Deploy.RestartPolicy p = s.deploy().restartPolicy();
        if (p != null) {
            RestartPolicy.Condition condition = p.condition() == null ? null : switch (p.condition()) {
                case NONE -> RestartPolicy.Condition.NONE;
                case ON_FAILURE -> RestartPolicy.Condition.ON_FAILURE;
                case ANY -> RestartPolicy.Condition.ANY;
            };
            return new RestartPolicy(condition, duration(p.delayNanos()), p.maxAttempts(), duration(p.windowNanos()));
        }
        if (s.restart() == null) return null;
        Matcher m = RESTART.matcher(s.restart());
        if (!m.matches()) return null; // the loader refused anything else
        Long attempts = m.group(2) == null || Long.parseLong(m.group(2)) <= 0 ? null : Long.valueOf(m.group(2));
        return switch (m.group(1)) {
            case "no" -> {
                c.warn(s, "restart", "restart: no leaves the swarm's default (any), as docker stack does; "
                        + "write deploy.restart_policy.condition: none to stop restarts");
                yield null;
            }
            case "on-failure" -> new RestartPolicy(RestartPolicy.Condition.ON_FAILURE, null, attempts, null);
            default -> new RestartPolicy(RestartPolicy.Condition.ANY, null, attempts, null);
        };
    }

    /**
     * Limits and reservations. The older service keys ({@code cpus}, {@code mem_limit}, {@code mem_reservation},
     * {@code pids_limit}) count too, under {@code deploy.resources}, as the loader merged them for {@code up}.
     */
    static TaskResources resources(Conversion c, Service s) {
        Resources merged = s.resources();
        DeployResources.Reservations r = s.deploy().resources().reservations();
        TaskResources.Limits limits = merged.nanoCpus() == null && merged.memoryBytes() == null && merged.pidsLimit() == null
                ? null : new TaskResources.Limits(merged.nanoCpus(), merged.memoryBytes(), merged.pidsLimit());
        Long reservedCpus = r == null ? null : r.nanoCpus();
        List<TaskResources.GenericResource> generic = new ArrayList<>();
        if (r != null) {
            for (DeployResources.GenericResource g : r.genericResources()) generic.add(new TaskResources.GenericResource(g.kind(), g.value()));
            if (!r.devices().isEmpty()) {
                c.warn(s, "deploy.resources", "a swarm service cannot reserve devices (reservations.devices), "
                        + "docker stack drops them too: use generic_resources");
            }
        }
        unreserved(c, s);
        TaskResources.Reservations reservations = reservedCpus == null && merged.memoryReservationBytes() == null && generic.isEmpty()
                ? null : new TaskResources.Reservations(reservedCpus, merged.memoryReservationBytes(), generic);
        return limits == null && reservations == null ? null : new TaskResources(limits, reservations);
    }

    /** The resource keys the schema allows where a swarm has no field for them: each warned. */
    private static void unreserved(Conversion c, Service s) {
        if (!(s.extras().get("deploy") instanceof Map<?, ?> deploy) || !(deploy.get("resources") instanceof Map<?, ?> resources)) return;
        if (resources.get("limits") instanceof Map<?, ?> limits) {
            for (String key : List.of("devices", "generic_resources")) {
                if (limits.get(key) != null) c.warn(s, "deploy.resources", "limits." + key + " has no swarm limit: ignored");
            }
        }
        if (resources.get("reservations") instanceof Map<?, ?> reservations && reservations.get("pids") != null) {
            c.warn(s, "deploy.resources", "reservations.pids: a swarm reserves no processes: ignored");
        }
    }

    static Placement placement(Service s) {
        Deploy.Placement p = s.deploy().placement();
        if (p.constraints().isEmpty() && p.spreads().isEmpty() && p.maxReplicasPerNode() == null) return null;
        return new Placement(p.constraints(), p.spreads(), p.maxReplicasPerNode() == null ? null : p.maxReplicasPerNode().longValue());
    }

    /** docker cli's {@code convertUpdateConfig}: a section that is there has parallelism 1 unless it says otherwise. */
    static UpdateConfig update(Deploy.UpdatePolicy p) {
        if (p == null) return null;
        UpdateConfig.FailureAction action = p.failureAction() == null ? null : switch (p.failureAction()) {
            case CONTINUE -> UpdateConfig.FailureAction.CONTINUE;
            case ROLLBACK -> UpdateConfig.FailureAction.ROLLBACK;
            case PAUSE -> UpdateConfig.FailureAction.PAUSE;
        };
        UpdateConfig.Order order = p.order() == null ? null : switch (p.order()) {
            case STOP_FIRST -> UpdateConfig.Order.STOP_FIRST;
            case START_FIRST -> UpdateConfig.Order.START_FIRST;
        };
        return new UpdateConfig(p.parallelism() == null ? 1L : p.parallelism(), duration(p.delayNanos()), action,
                duration(p.monitorNanos()), p.maxFailureRatio(), order);
    }

    static EndpointSpec endpoint(Conversion c, Service s) {
        Deploy.EndpointMode mode = s.deploy().endpointMode();
        List<EndpointSpec.Port> ports = new ArrayList<>();
        for (int i = 0; i < s.ports().size(); i++) {
            PortConfig p = s.ports().get(i);
            if (!p.hostIp().isEmpty()) {
                // a short-syntax range is several ports of one item: the attribute's line is named
                c.warn(s, "ports", "a swarm publishes on every address of the node: host_ip " + p.hostIp() + " of port "
                        + p.target() + " ignored");
            }
            ports.add(new EndpointSpec.Port(null, p.protocol(), p.target(), p.published() == null ? 0 : p.published(),
                    p.mode().equals("host") ? EndpointSpec.PublishMode.HOST : EndpointSpec.PublishMode.INGRESS));
        }
        // docker cli sorts them too, so that their order in the file does not make an update
        ports.sort(Comparator.comparingInt(EndpointSpec.Port::publishedPort).thenComparingInt(EndpointSpec.Port::targetPort)
                .thenComparing(EndpointSpec.Port::protocol).thenComparing(EndpointSpec.Port::publishMode));
        if (mode == Deploy.EndpointMode.DNSRR) {
            for (EndpointSpec.Port p : ports) {
                if (p.publishMode() == EndpointSpec.PublishMode.INGRESS) {
                    c.error(s, "deploy.endpoint_mode", "endpoint_mode dnsrr cannot publish port " + p.targetPort()
                            + " through the ingress mesh: write mode: host on the port");
                    break;
                }
            }
        }
        EndpointSpec.Mode endpointMode = mode == null ? null : mode == Deploy.EndpointMode.DNSRR ? EndpointSpec.Mode.DNSRR : EndpointSpec.Mode.VIP;
        return new EndpointSpec(endpointMode, ports);
    }

    static Duration duration(Long nanos) {
        return nanos == null ? null : Duration.ofNanos(nanos);
    }
}
