package dev.jcompose.spec.model;

import java.util.List;

/** {@code blkio_config}: block IO weights and throttles per device. */
public record Blkio(Integer weight, List<Weight> weightDevice, List<Rate> readBps, List<Rate> readIops, List<Rate> writeBps,
                    List<Rate> writeIops) {
    public static final Blkio NONE = new Blkio(null, List.of(), List.of(), List.of(), List.of(), List.of());

    public Blkio {
        weightDevice = List.copyOf(weightDevice);
        readBps = List.copyOf(readBps);
        readIops = List.copyOf(readIops);
        writeBps = List.copyOf(writeBps);
        writeIops = List.copyOf(writeIops);
    }

    public record Weight(String path, int weight) {}

    public record Rate(String path, long rate) {}
}
