package dev.jcompose.executor.docker;

import static dev.jcompose.executor.docker.Transport.filters;
import static dev.jcompose.executor.docker.Transport.pathSegment;

import com.github.dockerjava.transport.DockerHttpClient.Request.Method;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.docker.Transport.NotFound;
import dev.jcompose.executor.request.SwarmRequests;
import dev.jcompose.executor.request.SwarmRequests.ObjectIds;
import dev.jcompose.planner.swarm.StackLabels;
import dev.jcompose.planner.swarm.observed.SwarmService;
import dev.jcompose.planner.swarm.observed.SwarmTask;
import dev.jcompose.planner.swarm.spec.ServiceSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.SortedSet;

/** The calls on services and their tasks: list, inspect, create, update (with its retry), remove. */
final class ServiceCalls {
    /** Tries of an update in all, the first included, when the engine keeps answering "update out of sequence". */
    static final int UPDATE_TRIES = 5;

    private final Transport transport;
    private final SwarmCalls swarm;

    ServiceCalls(Transport transport, SwarmCalls swarm) {
        this.transport = transport;
        this.swarm = swarm;
    }

    List<SwarmService> services(String namespace) {
        Object list = swarm.managerCall("list services", () -> transport.get("/services?filters="
                + filters("label", StackLabels.NAMESPACE + "=" + namespace)));
        List<SwarmService> out = new ArrayList<>();
        for (Object s : EngineJson.list(list)) out.add(SwarmReads.service(s));
        return out;
    }

    SortedSet<String> namespaces() {
        // a label filter with a key alone matches every service that has the label, whatever its value
        Object list = swarm.managerCall("list stacks", () -> transport.get("/services?filters=" + filters("label", StackLabels.NAMESPACE)));
        SortedSet<String> out = new TreeSet<>();
        for (Object s : EngineJson.list(list)) {
            String namespace = SwarmReads.service(s).labels().get(StackLabels.NAMESPACE);
            if (namespace != null) out.add(namespace);
        }
        return out;
    }

    Optional<SwarmService> service(String nameOrId) {
        return inspect(nameOrId).map(SwarmReads::service);
    }

    /** The engine's JSON of a service, or empty when there is none of that name or id. */
    Optional<Object> inspect(String nameOrId) {
        try {
            return Optional.ofNullable(swarm.managerCall("inspect service " + nameOrId,
                    () -> transport.get("/services/" + pathSegment(nameOrId))));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    List<SwarmTask> tasks(String serviceId, boolean upToDate) {
        // docker cli's service progress asks with "_up-to-date": the tasks of the service's current spec version
        String filter = "{\"service\":[\"" + serviceId.replace("\"", "") + "\"]"
                + (upToDate ? ",\"_up-to-date\":[\"true\"]" : "") + "}";
        Object list = swarm.managerCall("list tasks of service " + serviceId,
                () -> transport.get("/tasks?filters=" + URLEncoder.encode(filter, StandardCharsets.UTF_8)));
        List<SwarmTask> out = new ArrayList<>();
        for (Object t : EngineJson.list(list)) out.add(SwarmReads.task(t));
        return out;
    }

    List<String> create(ServiceSpec spec, ObjectIds ids, boolean queryRegistry) {
        List<String> warnings = new ArrayList<>();
        ServiceSpec sent = queryRegistry ? pinned(spec, warnings) : spec;
        Map<String, Object> body = SwarmRequests.service(sent, ids);
        Object answer = swarm.managerCall("create service " + spec.name(), () -> transport.send(Method.POST, "/services/create", body));
        warnings.addAll(warnings(answer));
        return warnings;
    }

    /**
     * Sends the update with the version it was observed at; "update out of sequence" means the service changed since
     * (another deploy, the engine's own rollback, a {@code docker service update --force}): read the version and the
     * force counter again and send again, {@link #UPDATE_TRIES} in all.
     */
    List<String> update(String id, long versionIndex, long forceUpdate, ServiceSpec spec, ObjectIds ids, boolean queryRegistry) {
        List<String> warnings = new ArrayList<>();
        ServiceSpec sent = queryRegistry ? pinned(spec, warnings) : spec;
        long version = versionIndex;
        long force = forceUpdate;
        for (int attempt = 1; ; attempt++) {
            long v = version;
            Map<String, Object> body = SwarmRequests.update(sent, ids, force);
            try {
                Object answer = swarm.managerCall("update service " + spec.name(), () -> transport.send(Method.POST,
                        "/services/" + pathSegment(id) + "/update?version=" + v, body));
                warnings.addAll(warnings(answer));
                return warnings;
            } catch (EngineException e) {
                if (!String.valueOf(e.getMessage()).contains("update out of sequence")) throw e;
                if (attempt == UPDATE_TRIES) {
                    throw new EngineException("update service " + spec.name() + ": the engine answered \"update out of sequence\" "
                            + UPDATE_TRIES + " times (something else keeps changing the service)", e);
                }
                SwarmService now = service(id).orElseThrow(() -> new EngineException("update service " + spec.name()
                        + ": the service was removed while it was being updated"));
                version = now.versionIndex();
                force = now.forceUpdate();
            }
        }
    }

    void remove(String id) {
        try {
            swarm.managerCall("remove service " + id, () -> transport.send(Method.DELETE, "/services/" + pathSegment(id), null));
        } catch (NotFound e) {
            // already gone: what the removal wanted
        }
    }

    /**
     * The spec with its image pinned to the digest the registry has for it, as docker stack's {@code --resolve-image}
     * does; an image no registry answers for stays as written, with docker's warning.
     */
    private ServiceSpec pinned(ServiceSpec spec, List<String> warnings) {
        String image = spec.taskTemplate().containerSpec().image();
        if (image.contains("@")) return spec;
        try {
            Object answer = transport.call("resolve image " + image, () -> transport.get("/distribution/" + image + "/json"));
            String digest = EngineJson.string(EngineJson.field(answer, "Descriptor"), "digest");
            if (digest != null && !digest.isEmpty()) return spec.withImage(image + "@" + digest);
            warnings.add("image " + image + ": the registry gave no digest: each node will access it independently");
            return spec;
        } catch (EngineException e) {
            // a local image, or a registry that does not answer: the nodes look the name up themselves
            warnings.add("image " + image + " could not be accessed on a registry to record its digest (" + e.getMessage()
                    + "): each node will access " + image + " independently, possibly leading to different nodes running"
                    + " different versions of the image");
            return spec;
        }
    }

    /** The engine's warnings of a create or update: {@code Warnings} (a list), or the older {@code Warning} (one). */
    private static List<String> warnings(Object answer) {
        List<String> out = new ArrayList<>(EngineJson.strings(answer, "Warnings"));
        String one = EngineJson.string(answer, "Warning");
        if (one != null && !one.isEmpty()) out.add(one);
        return out;
    }
}
