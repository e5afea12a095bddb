package dev.jcompose.spec.model;

import java.util.SortedMap;

/**
 * A top-level named volume.
 *
 * @param name   the engine's name for it: {@code <project>_<key>} unless {@code name:} or {@code external} says otherwise;
 *               null when not normalised and not written
 * @param extras other attributes and {@code x-*} extensions, kept and printed
 */
public record VolumeConfig(
        String name,
        String driver,
        SortedMap<String, String> driverOpts,
        SortedMap<String, String> labels,
        boolean external,
        SortedMap<String, Object> extras) {

    public VolumeConfig {
        driverOpts = Collections2.sortedCopy(driverOpts);
        labels = Collections2.sortedCopy(labels);
        extras = Collections2.sortedCopy(extras);
    }
}
