package dev.jcompose.planner.swarm.spec;

import java.util.Arrays;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A swarm config or secret to create. Swarm objects are immutable, so a changed content is a new object: the name
 * carries a hash of the content ({@code <project>_<name>_<hash>}).
 *
 * @param composeName the top-level key in the Compose file
 * @param data        the content; never printed ({@link #toString()} shows only its length)
 */
public record ObjectSpec(Kind kind, String composeName, String name, SortedMap<String, String> labels, byte[] data) {
    public ObjectSpec {
        labels = Collections.unmodifiableSortedMap(new TreeMap<>(labels));
        data = data.clone();
    }

    /** A copy: the record stays immutable. */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObjectSpec other && kind == other.kind && composeName.equals(other.composeName)
                && name.equals(other.name) && labels.equals(other.labels) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kind.hashCode() + name.hashCode()) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ObjectSpec[kind=" + kind + ", composeName=" + composeName + ", name=" + name + ", labels=" + labels
                + ", data=(" + data.length + " bytes)]";
    }

    public enum Kind {
        CONFIG("config"), SECRET("secret");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** {@code config} or {@code secret}, as the Engine API's paths spell it (in the plural). */
        public String key() {
            return key;
        }
    }
}
