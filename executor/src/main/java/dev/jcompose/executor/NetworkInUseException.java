package dev.jcompose.executor;

import java.util.List;

/**
 * A network could not be removed because containers are still attached to it: ones outside what the command
 * removed (another project's, a container started by hand). docker compose leaves such a network in place with a
 * warning, and so does jcompose.
 */
public class NetworkInUseException extends EngineException {
    private final List<String> containers;

    public NetworkInUseException(String network, List<String> containers) {
        super("network " + network + " is still in use" + (containers.isEmpty() ? "" : " by " + String.join(", ", containers))
                + ": left in place");
        this.containers = List.copyOf(containers);
    }

    public List<String> containers() {
        return containers;
    }
}
