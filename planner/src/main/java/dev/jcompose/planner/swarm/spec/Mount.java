package dev.jcompose.planner.swarm.spec;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One mount of a task's container, as docker cli's {@code convert/volume.go} makes it.
 *
 * @param source  the volume's swarm name ({@code <project>_<vol>}, an external volume's own name, or null for an
 *                anonymous volume), or the bind mount's node path
 * @param bind    bind options, or null
 * @param volume  volume options, or null
 * @param tmpfs   tmpfs options, or null
 */
public record Mount(Type type, String source, String target, boolean readOnly, String consistency,
                    BindOptions bind, VolumeOptions volume, TmpfsOptions tmpfs) {

    /** The mount types docker stack maps ({@code npipe} and {@code cluster} are Windows/CSI only). */
    public enum Type { VOLUME, BIND, TMPFS }

    /** @param propagation null for the default ({@code rprivate}) */
    public record BindOptions(String propagation, boolean createHostPath) {}

    /**
     * @param labels the volume's labels (the stack namespace label among them) when the task creates it
     * @param driver  null for the node's default driver ({@code local})
     * @param subpath null for the whole volume
     */
    public record VolumeOptions(boolean noCopy, String subpath, SortedMap<String, String> labels, String driver,
                                SortedMap<String, String> driverOptions) {
        public VolumeOptions {
            labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
            driverOptions = Collections.unmodifiableSortedMap(new TreeMap<>(driverOptions));
        }
    }

    /** @param sizeBytes null for no limit; @param mode null for the default (1777) */
    public record TmpfsOptions(Long sizeBytes, Integer mode) {}
}
