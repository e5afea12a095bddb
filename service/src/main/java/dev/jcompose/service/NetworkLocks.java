package dev.jcompose.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The locks of the networks a command may create or remove ({@link ProjectLock#network}), taken in name order and
 * released in the reverse order. Two projects that name one network then never both find it missing and make it
 * twice (which left two networks of one name, and every later call by that name "ambiguous"), and a {@code down}
 * never removes it while another project's {@code up} is attaching containers to it.
 */
final class NetworkLocks implements AutoCloseable {
    private final List<ProjectLock> held;

    private NetworkLocks(List<ProjectLock> held) {
        this.held = held;
    }

    static NetworkLocks acquire(Path dir, String engineHost, Collection<String> networks, Consumer<String> waiting) {
        List<ProjectLock> held = new ArrayList<>();
        try {
            for (String name : new TreeSet<>(networks)) held.add(ProjectLock.network(dir, engineHost, name, () -> waiting.accept(name)));
        } catch (RuntimeException e) {
            new NetworkLocks(held).close();
            throw e;
        }
        return new NetworkLocks(held);
    }

    @Override
    public void close() {
        for (int i = held.size() - 1; i >= 0; i--) held.get(i).close();
    }
}
