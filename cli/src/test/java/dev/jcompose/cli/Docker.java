package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;

/** The docker CLI, for what tests read off the engine independently of the code under test. */
final class Docker {
    private Docker() {}

    /** {@code docker exec}: stdout, stripped; a non-zero exit is an assertion error with stderr. */
    static String exec(String container, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("docker", "exec", container));
        argv.addAll(List.of(command));
        return run(argv);
    }

    static String run(List<String> argv) throws Exception {
        Process proc = new ProcessBuilder(argv).start();
        String out = new String(proc.getInputStream().readAllBytes()).strip();
        String err = new String(proc.getErrorStream().readAllBytes());
        if (proc.waitFor() != 0) throw new AssertionError(String.join(" ", argv) + " failed: " + err);
        return out;
    }
}
