package dev.jcompose.executor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the test engines leave on the host, found by path: processes whose command line names a folder, mounts
 * inside it, and the routes that say which address ranges are taken. Clean-up here acts only on what lies inside a
 * folder the test bed made, so it can never reach the main engine (its paths are {@code /var/lib/docker} and
 * {@code /var/run/docker}).
 */
final class HostState {
    private static final Pattern TEN = Pattern.compile("\\b10\\.(\\d{1,3})\\.");

    private HostState() {
    }

    /** True while a process exists and is not a zombie (one that ended and waits to be reaped). */
    static boolean alive(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .noneMatch(l -> l.startsWith("State:") && l.contains("Z (zombie)"));
        } catch (IOException e) {
            return false; // gone
        }
    }

    /** Processes (other than this JVM) whose command line mentions {@code folder}: a dockerd, its containerd, shims. */
    static List<ProcessHandle> processesInside(Path folder) {
        String path = folder.toString() + "/";
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains(path)).orElse(false))
                .toList();
    }

    /**
     * Kills (SIGKILL) every process left inside {@code folder} with its descendants (a shim's container), unmounts
     * every mount inside it, deepest first, and deletes it. Best effort: what cannot be removed is reported on stderr.
     */
    static void removeInside(Path folder) {
        for (ProcessHandle p : processesInside(folder)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
        for (String mount : mountsInside(folder)) run("umount", "-l", mount);
        if (!Files.exists(folder)) return;
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            System.err.println("test engine clean-up: could not remove all of " + folder + ": " + e);
        }
    }

    /** Mount points at or under {@code folder}, deepest first. */
    static List<String> mountsInside(Path folder) {
        String base = folder.toString();
        List<String> mounts = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"), StandardCharsets.UTF_8)) {
                String point = line.split(" ")[4].replace("\\040", " ");
                if (point.equals(base) || point.startsWith(base + "/")) mounts.add(point);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        mounts.sort(Comparator.comparingInt(String::length).reversed());
        return mounts;
    }

    /**
     * The base of a /16 in 10.224.0.0-10.254.0.0 that no host route uses ({@code 10.231.0.0/16} is the swarm bed's),
     * picked at random among the free ones so that engines started at the same moment rarely pick the same.
     */
    static String freeSixteen() {
        Set<Integer> taken = new TreeSet<>(Set.of(231));
        Matcher m = TEN.matcher(run("ip", "-4", "route", "show", "table", "all"));
        while (m.find()) taken.add(Integer.parseInt(m.group(1)));
        List<Integer> free = new ArrayList<>();
        for (int i = 224; i <= 254; i++) if (!taken.contains(i)) free.add(i);
        if (free.isEmpty()) throw new AssertionError("no free /16 in 10.224.0.0-10.254.0.0 for a test engine's networks: " + taken);
        return "10." + free.get(ThreadLocalRandom.current().nextInt(free.size())) + ".0.0/16";
    }

    /** Makes a network namespace {@code jcoe-XXXXXXXX} with its loopback up, for a test engine, and returns its name. */
    static String makeNamespace() {
        String name = String.format("jcoe-%08x", ThreadLocalRandom.current().nextInt());
        for (String[] command : List.of(
                new String[] {"ip", "netns", "add", name},
                new String[] {"ip", "-n", name, "link", "set", "lo", "up"})) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (p.waitFor() != 0) {
                    removeNamespace(name);
                    throw new AssertionError("test engine: " + String.join(" ", command) + " failed: " + out.strip()
                            + " (an engine of a test's own needs root for its network namespace)");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return name;
    }

    /** {@code /run/netns/NAME}, which {@code nsenter --net=} enters. */
    static Path namespacePath(String name) {
        return Path.of("/run/netns", name);
    }

    /** Deletes a namespace {@link #makeNamespace} made; null or one already gone is nothing to do. */
    static void removeNamespace(String name) {
        if (name != null && name.startsWith("jcoe-") && Files.exists(namespacePath(name))) run("ip", "netns", "del", name);
    }

    /** Runs a host command and returns its output; a failure is reported, not thrown (clean-up goes on). */
    static String run(String... command) {
        return run(true, command);
    }

    /** {@link #run} for a command whose failure is expected often (removing what may be gone already). */
    static String runQuietly(String... command) {
        return run(false, command);
    }

    private static String run(boolean report, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 && report) System.err.println("test bed: " + String.join(" ", command) + " failed: " + out.strip());
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
