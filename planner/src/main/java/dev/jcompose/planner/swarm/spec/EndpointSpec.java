package dev.jcompose.planner.swarm.spec;

import java.util.List;

/**
 * How the service is reached: {@code deploy.endpoint_mode} and its published {@code ports}.
 *
 * @param mode  null for the engine's default (vip)
 * @param ports sorted as docker cli sorts them (published port, then target port, then protocol)
 */
public record EndpointSpec(Mode mode, List<Port> ports) {
    public static final EndpointSpec NONE = new EndpointSpec(null, List.of());

    public EndpointSpec {
        ports = List.copyOf(ports);
    }

    public enum Mode {
        VIP("vip"), DNSRR("dnsrr");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** {@code ports: mode:}; ingress is the routing mesh, host publishes on the node that runs the task. */
    public enum PublishMode {
        INGRESS("ingress"), HOST("host");

        private final String key;

        PublishMode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /**
     * @param protocol      tcp, udp or sctp
     * @param publishedPort 0 lets the swarm choose one
     */
    public record Port(String name, String protocol, int targetPort, int publishedPort, PublishMode publishMode) {}
}
