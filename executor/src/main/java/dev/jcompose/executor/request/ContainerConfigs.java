package dev.jcompose.executor.request;

import dev.jcompose.planner.Labels;
import dev.jcompose.planner.spec.ContainerSpec;
import dev.jcompose.spec.model.ContainerOptions;
import dev.jcompose.spec.model.Healthcheck;
import dev.jcompose.spec.model.Namespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The container's own configuration: what it runs, as whom, its environment, ports, healthcheck and stop. */
final class ContainerConfigs {
    private ContainerConfigs() {}

    static Body of(Translation t) {
        ContainerSpec spec = t.spec();
        ContainerOptions o = spec.options();
        Body body = new Body();
        body.always("Image", spec.image());
        body.always("Labels", spec.labels());
        List<String> env = new ArrayList<>();
        spec.environment().forEach((k, v) -> env.add(k + "=" + v));
        body.always("Env", env);
        body.always("ExposedPorts", exposedPorts(spec));
        body.always("Tty", spec.tty());
        body.always("OpenStdin", spec.stdinOpen());
        // a one-off's input is read once: when what is attached to it ends, the container's input ends too
        body.always("StdinOnce", spec.stdinOpen() && "True".equals(spec.labels().get(Labels.ONEOFF)));
        body.put("Healthcheck", healthcheck(t, spec.healthcheck()));
        body.put("Cmd", spec.command());
        // an empty entrypoint is a setting (entrypoint: [], run --entrypoint ''): [] clears the image's, where leaving
        // the field out keeps it, as docker compose sends it
        if (spec.entrypoint() != null) body.always("Entrypoint", spec.entrypoint());
        body.put("WorkingDir", spec.workingDir());
        body.put("User", spec.user());
        body.put("Hostname", spec.hostname());
        body.put("Domainname", o.lookup().domainname());
        body.flag("NetworkDisabled", o.isolation().network() instanceof Namespace.Mode m && m.value().equals("disabled"));
        body.put("StopSignal", o.lifecycle().stopSignal());
        body.put("StopTimeout", o.lifecycle().stopTimeoutSeconds());
        // before API 1.44 an endpoint has no MAC address of its own: the container's is the one
        if (!t.api().atLeast(Endpoints.ENDPOINT_MAC_API)) body.put("MacAddress", Endpoints.primaryMac(spec));
        return body;
    }

    /** Published ports and {@code expose}d ones ({@code 8000-8002/udp} is three), as {@code "80/tcp": {}}. */
    static Map<String, Object> exposedPorts(ContainerSpec spec) {
        Map<String, Object> exposed = new LinkedHashMap<>();
        for (ContainerSpec.PortBinding p : spec.ports()) exposed.put(p.containerPort() + "/" + protocol(p.protocol()), Map.of());
        for (String e : spec.options().expose()) {
            String[] portAndProtocol = e.split("/", 2);
            String protocol = portAndProtocol.length > 1 ? portAndProtocol[1] : "tcp";
            String[] range = portAndProtocol[0].split("-", 2);
            int first = Integer.parseInt(range[0]);
            int last = range.length > 1 ? Integer.parseInt(range[1]) : first;
            for (int port = first; port <= last; port++) exposed.put(port + "/" + protocol, Map.of());
        }
        return exposed;
    }

    static String protocol(String protocol) {
        return protocol == null || protocol.isEmpty() ? "tcp" : protocol;
    }

    /** Durations in nanoseconds; start_interval only where the engine's API knows it (1.44+). */
    private static Map<String, Object> healthcheck(Translation t, Healthcheck h) {
        if (h == null) return null;
        Body out = new Body();
        out.put("Test", h.test());
        out.put("Interval", h.intervalNanos());
        out.put("Timeout", h.timeoutNanos());
        out.put("Retries", h.retries());
        out.put("StartPeriod", h.startPeriodNanos());
        if (h.startIntervalNanos() != null && t.supports("1.44", "healthcheck.start_interval")) out.put("StartInterval", h.startIntervalNanos());
        return out.map();
    }
}
