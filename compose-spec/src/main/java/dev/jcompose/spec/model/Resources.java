package dev.jcompose.spec.model;

/**
 * A container's memory, CPU and process limits, null where none is set. {@code deploy.resources} wins over the
 * older service keys ({@code mem_limit}, {@code mem_reservation}, {@code cpus}, {@code pids_limit}), as docker
 * compose does.
 *
 * @param memorySwapBytes {@code memswap_limit}: -1 for unlimited swap
 */
public record Resources(Long memoryBytes, Long memoryReservationBytes, Long memorySwapBytes, Integer memorySwappiness,
                        Long nanoCpus, Long cpuShares, Long cpuPeriod, Long cpuQuota, Long cpuRtRuntime, Long cpuRtPeriod,
                        String cpuset, Long cpuCount, Long cpuPercent, Long pidsLimit, Boolean oomKillDisable,
                        Integer oomScoreAdj, Long shmSizeBytes) {
    public static final Resources NONE = new Resources(null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null);

    /** Only the limits most services set: memory, its reservation, CPUs (in billionths) and processes. */
    public static Resources limits(Long memoryBytes, Long memoryReservationBytes, Long nanoCpus, Long pidsLimit) {
        return new Resources(memoryBytes, memoryReservationBytes, null, null, nanoCpus, null, null, null, null, null, null,
                null, null, pidsLimit, null, null, null);
    }
}
