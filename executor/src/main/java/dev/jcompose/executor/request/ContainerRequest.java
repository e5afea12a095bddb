package dev.jcompose.executor.request;

import dev.jcompose.planner.spec.ContainerSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Engine API's create-container request for a container spec, made without an engine: the body of
 * {@code POST /containers/create}, its {@code platform} parameter, and what the engine's API version cannot carry
 * (as warnings, never dropped without a word). The adapter sends it as it is.
 *
 * @param body     Config fields at the top, {@code HostConfig}, {@code NetworkingConfig}
 * @param platform the {@code platform} query parameter, or null
 * @param others   the endpoint configuration of each other network, in the order to connect them after the create
 * @param warnings what this request leaves out and why
 */
public record ContainerRequest(Map<String, Object> body, String platform, Map<String, Map<String, Object>> others,
                               List<String> warnings) {
    public ContainerRequest {
        others = Collections.unmodifiableMap(new LinkedHashMap<>(others));
        warnings = List.copyOf(warnings);
    }

    /** @param apiVersion the API version agreed with the engine ({@code 1.41}...), which decides where some fields go */
    public static ContainerRequest of(ContainerSpec spec, String apiVersion) {
        Translation t = new Translation(spec, new ApiLevel(apiVersion));
        Body body = ContainerConfigs.of(t);
        body.always("HostConfig", HostConfigs.of(t).map());
        Map<String, Object> networking = Endpoints.networkingConfig(t);
        if (networking != null) body.put("NetworkingConfig", networking);
        Map<String, Map<String, Object>> others = Endpoints.others(t);
        return new ContainerRequest(body.map(), spec.options().isolation().platform(), others, t.warnings());
    }
}
