package dev.jcompose.cli;

import dev.jcompose.executor.StatsSample;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One container's line of {@code stats}, worked out from the engine's counters as the docker CLI works it out: CPU
 * as the container's share of the host's time since the sample before, times the CPUs; memory without the inactive
 * page cache; network and block I/O summed.
 */
record StatsRow(String id, String name, double cpuPercent, double memory, double memoryLimit, double memoryPercent,
                long networkRx, long networkTx, long blockRead, long blockWrite, long pids) {

    static StatsRow of(StatsSample s) {
        double cpu = 0;
        double cpuDelta = (double) s.cpuTotal() - s.preCpuTotal();
        double systemDelta = (double) s.systemCpu() - s.preSystemCpu();
        if (systemDelta > 0 && cpuDelta > 0) cpu = cpuDelta / systemDelta * s.onlineCpus() * 100.0;
        double used = s.memoryInactiveFile() >= 0 && s.memoryInactiveFile() < s.memoryUsage()
                ? s.memoryUsage() - s.memoryInactiveFile() : s.memoryUsage();
        double percent = s.memoryLimit() != 0 ? used / s.memoryLimit() * 100.0 : 0;
        return new StatsRow(s.id(), s.name(), cpu, used, s.memoryLimit(), percent, s.networkRx(), s.networkTx(),
                s.blockRead(), s.blockWrite(), s.pids());
    }

    /** The default table: docker's columns. */
    static final String TABLE = "table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}";

    /** The fields a template takes, as docker's stats formatter names them. */
    static Map<String, Function<StatsRow, String>> fields(boolean trunc) {
        Map<String, Function<StatsRow, String>> f = new LinkedHashMap<>();
        f.put("BlockIO", r -> ByteSizes.decimal(r.blockRead()) + " / " + ByteSizes.decimal(r.blockWrite()));
        f.put("CPUPerc", r -> String.format(Locale.ROOT, "%.2f%%", r.cpuPercent()));
        f.put("Container", r -> trunc ? PsTemplate.shortId(r.id()) : r.id());
        f.put("ID", r -> trunc ? PsTemplate.shortId(r.id()) : r.id());
        f.put("MemPerc", r -> String.format(Locale.ROOT, "%.2f%%", r.memoryPercent()));
        f.put("MemUsage", r -> ByteSizes.binary(r.memory()) + " / " + ByteSizes.binary(r.memoryLimit()));
        f.put("Name", StatsRow::name);
        f.put("NetIO", r -> ByteSizes.decimal(r.networkRx()) + " / " + ByteSizes.decimal(r.networkTx()));
        f.put("PIDs", r -> String.valueOf(r.pids()));
        return f;
    }

    static String header(String field) {
        return switch (field) {
            case "BlockIO" -> "BLOCK I/O";
            case "CPUPerc" -> "CPU %";
            case "Container" -> "CONTAINER";
            case "ID" -> "CONTAINER ID";
            case "MemPerc" -> "MEM %";
            case "MemUsage" -> "MEM USAGE / LIMIT";
            case "NetIO" -> "NET I/O";
            case "PIDs" -> "PIDS";
            default -> field.toUpperCase();
        };
    }

    /** {@code --format json}'s object: every field, keys in name order, as docker's {@code {{json .}}} writes it. */
    Map<String, String> json(boolean trunc) {
        Map<String, String> out = new LinkedHashMap<>();
        fields(trunc).forEach((k, v) -> out.put(k, v.apply(this)));
        return out;
    }
}
