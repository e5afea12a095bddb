package dev.jcompose.planner.swarm.spec;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The desired state of one swarm service: the subset of the Engine API's {@code ServiceSpec} that docker cli's
 * {@code cli/compose/convert/service.go} fills for {@code docker stack deploy}.
 *
 * @param name           {@code <project>_<service>}
 * @param labels         service labels: the deploy labels plus {@code com.docker.stack.namespace},
 *                       {@code com.docker.stack.image}, the compose project/service labels and the spec-hash label
 * @param mode           replicated (with its replica count), global, or one of the job modes
 * @param updateConfig   {@code deploy.update_config}, or null for the engine's defaults
 * @param rollbackConfig {@code deploy.rollback_config}, or null for the engine's defaults
 * @param endpointSpec   the endpoint mode and published ports
 */
public record ServiceSpec(String name, SortedMap<String, String> labels, TaskTemplate taskTemplate, ServiceMode mode,
                          UpdateConfig updateConfig, UpdateConfig rollbackConfig, EndpointSpec endpointSpec) {
    public ServiceSpec {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        if (mode == null) mode = new ServiceMode.Replicated(1);
        if (endpointSpec == null) endpointSpec = EndpointSpec.NONE;
    }

    /** The same spec with {@code newLabels} as the service's labels (the converter adds the spec hash last). */
    public ServiceSpec withLabels(SortedMap<String, String> newLabels) {
        return new ServiceSpec(name, newLabels, taskTemplate, mode, updateConfig, rollbackConfig, endpointSpec);
    }

    /** The same spec with another image (a digest-pinned one after a push). */
    public ServiceSpec withImage(String image) {
        return new ServiceSpec(name, labels, taskTemplate.withContainerSpec(taskTemplate.containerSpec().withImage(image)),
                mode, updateConfig, rollbackConfig, endpointSpec);
    }
}
