package dev.jcompose.spec.model;

import java.util.List;
import java.util.SortedMap;

/**
 * The service attributes that configure its containers beyond what {@link Service} holds itself, each typed and
 * bound once at load (so a bad value is a load error with its line, never a failure at {@code up}).
 *
 * @param healthcheck null to keep the image's
 * @param logging     null to keep the engine's default driver
 * @param tmpfs       the service's {@code tmpfs} key: {@code /path} or {@code /path:options}
 * @param expose      ports the container exposes without publishing them ({@code 80}, {@code 8000-8002/udp})
 * @param volumesFrom {@code service}, {@code service:ro}, {@code container:name[:rw]}
 */
public record ContainerOptions(Isolation isolation, Security security, HostLookup lookup, Lifecycle lifecycle,
                               Resources resources, Devices devices, Healthcheck healthcheck, Logging logging,
                               SortedMap<String, String> sysctls, SortedMap<String, Ulimit> ulimits,
                               SortedMap<String, String> storageOpt, SortedMap<String, String> annotations,
                               List<String> tmpfs, List<String> expose, List<String> volumesFrom,
                               List<FileReference> configs, List<FileReference> secrets) {
    public static final ContainerOptions NONE = new ContainerOptions(Isolation.NONE, Security.NONE, HostLookup.NONE,
            Lifecycle.NONE, Resources.NONE, Devices.NONE, null, null, null, null, null, null, List.of(), List.of(),
            List.of(), List.of(), List.of());

    public ContainerOptions {
        sysctls = Collections2.sortedCopy(sysctls);
        ulimits = Collections2.sortedCopy(ulimits);
        storageOpt = Collections2.sortedCopy(storageOpt);
        annotations = Collections2.sortedCopy(annotations);
        tmpfs = List.copyOf(tmpfs);
        expose = List.copyOf(expose);
        volumesFrom = List.copyOf(volumesFrom);
        configs = List.copyOf(configs);
        secrets = List.copyOf(secrets);
    }

    public ContainerOptions withSecurity(Security newSecurity) {
        return new ContainerOptions(isolation, newSecurity, lookup, lifecycle, resources, devices, healthcheck, logging,
                sysctls, ulimits, storageOpt, annotations, tmpfs, expose, volumesFrom, configs, secrets);
    }
}
