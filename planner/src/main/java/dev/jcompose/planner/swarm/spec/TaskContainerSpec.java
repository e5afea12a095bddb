package dev.jcompose.planner.swarm.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Engine API's {@code ContainerSpec} of a task, as docker cli's {@code convert/service.go} fills it.
 *
 * @param command         the entrypoint override ({@code entrypoint}), or null for the image's
 * @param args            the command ({@code command}), or null for the image's
 * @param env             {@code KEY=value} entries, sorted (docker cli sorts them too)
 * @param groups          {@code group_add}
 * @param init            null for the engine's default
 * @param stopGracePeriod null for the engine's default (10 s)
 * @param healthcheck     null to keep the image's healthcheck
 * @param hosts           {@code extra_hosts} in the Engine's {@code "IP host"} form, in file order
 * @param dnsConfig       null when no DNS attribute is set
 * @param configs         config files the tasks get, sorted by object name (as docker cli sorts them)
 * @param secrets         secret files the tasks get, sorted by object name
 * @param mounts          volume, bind and tmpfs mounts, in file order (as docker cli keeps them)
 */
public record TaskContainerSpec(String image, SortedMap<String, String> labels, List<String> command, List<String> args,
                                String hostname, List<String> env, String dir, String user, List<String> groups,
                                Boolean init, String stopSignal, Duration stopGracePeriod, HealthConfig healthcheck,
                                List<String> hosts, DnsConfig dnsConfig, List<FileReference> configs,
                                List<FileReference> secrets, List<Mount> mounts, boolean readOnly,
                                SortedMap<String, String> sysctls, List<String> capabilityAdd,
                                List<String> capabilityDrop, List<Ulimit> ulimits, boolean tty, boolean openStdin) {
    public TaskContainerSpec {
        labels = sorted(labels);
        command = command == null ? null : List.copyOf(command);
        args = args == null ? null : List.copyOf(args);
        env = env.stream().sorted().toList();
        groups = List.copyOf(groups);
        hosts = List.copyOf(hosts);
        configs = List.copyOf(configs);
        secrets = List.copyOf(secrets);
        mounts = List.copyOf(mounts);
        sysctls = sorted(sysctls);
        capabilityAdd = List.copyOf(capabilityAdd);
        capabilityDrop = List.copyOf(capabilityDrop);
        ulimits = List.copyOf(ulimits);
    }

    public TaskContainerSpec withImage(String newImage) {
        return new TaskContainerSpec(newImage, labels, command, args, hostname, env, dir, user, groups, init, stopSignal,
                stopGracePeriod, healthcheck, hosts, dnsConfig, configs, secrets, mounts, readOnly, sysctls,
                capabilityAdd, capabilityDrop, ulimits, tty, openStdin);
    }

    private static SortedMap<String, String> sorted(SortedMap<String, String> m) {
        return Collections.unmodifiableSortedMap(m == null ? new TreeMap<>() : new TreeMap<>(m));
    }

    /** {@code dns}, {@code dns_search}, {@code dns_opt}. */
    public record DnsConfig(List<String> nameservers, List<String> search, List<String> options) {
        public DnsConfig {
            nameservers = List.copyOf(nameservers);
            search = List.copyOf(search);
            options = List.copyOf(options);
        }
    }

    /** One {@code ulimits} entry. */
    public record Ulimit(String name, long soft, long hard) {}
}
