package dev.jcompose.executor;

/**
 * The counters of one container's resource use that the engine reports ({@code GET /containers/{id}/stats}), raw:
 * the percentages docker prints are worked out from them above the engine.
 *
 * @param cpuTotal          the container's CPU time used, in nanoseconds ({@code cpu_stats.cpu_usage.total_usage})
 * @param preCpuTotal       the same at the sample before ({@code precpu_stats})
 * @param systemCpu         the host's CPU time ({@code cpu_stats.system_cpu_usage})
 * @param preSystemCpu      the same at the sample before
 * @param onlineCpus        {@code online_cpus}, else the number of per-CPU counters
 * @param memoryUsage       {@code memory_stats.usage}
 * @param memoryInactiveFile the page cache docker leaves out of the usage it shows ({@code total_inactive_file} on
 *                          cgroup v1, {@code inactive_file} on v2), -1 when the engine gives neither
 * @param memoryLimit       {@code memory_stats.limit}
 * @param networkRx         bytes received, all networks together
 * @param networkTx         bytes sent, all networks together
 * @param blockRead         bytes read from block devices
 * @param blockWrite        bytes written to block devices
 * @param pids              {@code pids_stats.current}
 */
public record StatsSample(String id, String name, long cpuTotal, long preCpuTotal, long systemCpu, long preSystemCpu,
                          long onlineCpus, long memoryUsage, long memoryInactiveFile, long memoryLimit, long networkRx,
                          long networkTx, long blockRead, long blockWrite, long pids) {}
