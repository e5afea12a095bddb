package dev.jcompose.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import dev.jcompose.spec.ComposeLoader;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.model.Project;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The lock directory and file are the user's own: made 0700 and 0600, and refused, with the path and what to do,
 * when another user owns them, others may write them or a symbolic link stands in their place. The suite runs as
 * root in CI, so "another user" is made with chown to uid {@value #OTHER_UID} (those cases fail as anyone else).
 */
class LockFilesTest {
    private static final int OTHER_UID = 4242;
    private static final String HOST = "unix:///var/run/docker.sock";

    @TempDir
    Path dir;

    /** The foreign-owner cases chown, which only root may: as another user they fail, saying so, rather than pass unchecked. */
    private static void chownToAnotherUser(Path path) throws IOException {
        assertEquals(0L, LockFiles.currentUid(), "this case makes a file of another user with chown: run it as root (CI does)");
        Files.setAttribute(path, "unix:uid", OTHER_UID, LinkOption.NOFOLLOW_LINKS);
    }

    private ProjectLock acquire(Path locks) {
        return ProjectLock.acquire(locks, HOST, "demo", () -> { });
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    private static long owner(Path p) throws IOException {
        return ((Number) Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue();
    }

    private static String lockFileName() {
        return Integer.toHexString(ProjectLock.engineKey(HOST).hashCode()) + "-demo.lock";
    }

    @Test
    void theDirectoryIsXdgRuntimeDirsOrAPerUserOneInTheTemporaryDirectory() throws IOException {
        Path probe = Files.createFile(dir.resolve("probe"));
        long uid = owner(probe);
        assertEquals(Path.of("/run/user/7/jcompose"), LockFiles.directory(Map.of("XDG_RUNTIME_DIR", "/run/user/7"), Path.of("/tmp")));
        assertEquals(Path.of("/tmp/jcompose-" + uid), LockFiles.directory(Map.of(), Path.of("/tmp")));
        assertEquals(Path.of("/tmp/jcompose-" + uid), LockFiles.directory(Map.of("XDG_RUNTIME_DIR", ""), Path.of("/tmp")),
                "an empty XDG_RUNTIME_DIR is unset, as the XDG specification says");
        assertFalse(ProjectLock.directory(Map.of()).toString().endsWith("jcompose-locks"), "never the old shared folder");
    }

    @Test
    void aMissingDirectoryIsMade0700WithItsParentsAndTheFile0600() throws IOException {
        Path locks = dir.resolve("run/user/jcompose");
        try (ProjectLock lock = acquire(locks)) {
            assertEquals("rwx------", mode(locks));
            assertEquals("rwx------", mode(locks.getParent()), "a parent made for it is the user's alone too");
            assertEquals("rw-------", mode(locks.resolve(lockFileName())));
            assertEquals(LockFiles.currentUid(), owner(locks.resolve(lockFileName())));
        }
    }

    @Test
    void aDirectoryOfTheUsersOwnThatOthersMayReadButNotWriteIsTaken() throws IOException {
        Path locks = Files.createDirectory(dir.resolve("locks"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(locks, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (ProjectLock lock = acquire(locks)) {
            assertTrue(Files.isRegularFile(locks.resolve(lockFileName())));
        }
        try (ProjectLock again = acquire(locks)) {
            assertEquals("rw-------", mode(locks.resolve(lockFileName())), "an existing lock file of the user's is opened again");
        }
    }

    /** What stands where the lock directory or file should be, and what the refusal must say. */
    enum Hostile {
        DIRECTORY_OF_ANOTHER_USER("lock directory", "belongs to", "uid " + OTHER_UID, "rm -r"),
        DIRECTORY_OTHERS_MAY_WRITE("lock directory", "others may write it (rwxrwxrwx)", "chmod go-w"),
        DIRECTORY_THE_GROUP_MAY_WRITE("lock directory", "others may write it (rwxrwx---)", "chmod go-w"),
        DIRECTORY_IS_A_LINK("lock directory", "symbolic link", "rm "),
        DIRECTORY_IS_A_FILE("lock directory", "not a directory", "rm "),
        FILE_OF_ANOTHER_USER("lock file", "belongs to", "uid " + OTHER_UID, "rm -r"),
        FILE_OTHERS_MAY_WRITE("lock file", "others may write it (rw-rw-rw-)", "chmod 600"),
        FILE_IS_A_LINK("lock file", "symbolic link", "rm "),
        FILE_IS_A_DANGLING_LINK("lock file", "symbolic link", "rm "),
        FILE_IS_A_DIRECTORY("lock file", "not a regular file", "rm -r"),
        PARENT_OTHERS_MAY_WRITE_NOT_STICKY("lock directory's parent", "not sticky", "XDG_RUNTIME_DIR");

        final List<String> said;

        Hostile(String... said) {
            this.said = List.of(said);
        }
    }

    @ParameterizedTest
    @EnumSource(Hostile.class)
    void whatAnotherUserCouldHavePutThereIsRefusedNamingThePathAndWhatToDo(Hostile shape) throws Exception {
        Path parent = Files.createDirectory(dir.resolve("parent"));
        Path locks = parent.resolve("jcompose");
        Path file = locks.resolve(lockFileName());
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path refusedPath = shape.name().startsWith("FILE") ? file : shape.name().startsWith("PARENT") ? parent : locks;
        if (!shape.name().startsWith("DIRECTORY_IS") && !shape.name().startsWith("PARENT")) {
            Files.createDirectory(locks, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        switch (shape) {
            case DIRECTORY_OF_ANOTHER_USER -> chownToAnotherUser(locks);
            case DIRECTORY_OTHERS_MAY_WRITE -> Files.setPosixFilePermissions(locks, PosixFilePermissions.fromString("rwxrwxrwx"));
            case DIRECTORY_THE_GROUP_MAY_WRITE -> Files.setPosixFilePermissions(locks, PosixFilePermissions.fromString("rwxrwx---"));
            case DIRECTORY_IS_A_LINK -> Files.createSymbolicLink(locks, elsewhere);
            case DIRECTORY_IS_A_FILE -> Files.writeString(locks, "not a directory");
            case FILE_OF_ANOTHER_USER -> {
                Files.writeString(file, "");
                chownToAnotherUser(file);
            }
            case FILE_OTHERS_MAY_WRITE -> {
                Files.writeString(file, "");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
            }
            case FILE_IS_A_LINK -> Files.createSymbolicLink(file, Files.writeString(elsewhere.resolve("victim"), "precious"));
            case FILE_IS_A_DANGLING_LINK -> Files.createSymbolicLink(file, elsewhere.resolve("made-through-the-link"));
            case FILE_IS_A_DIRECTORY -> Files.createDirectory(file);
            case PARENT_OTHERS_MAY_WRITE_NOT_STICKY -> Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
        }
        List<String> before = listing(elsewhere);

        LockRefusedException refused = assertThrows(LockRefusedException.class, () -> acquire(locks).close());

        String message = refused.getMessage();
        assertTrue(message.contains("refusing the " + shape.said.get(0) + " " + refusedPath + ": "), message);
        for (String part : shape.said.subList(1, shape.said.size())) assertTrue(message.contains(part), shape + ": " + message);
        assertEquals(before, listing(elsewhere), "nothing was made or changed through a link");
        if (shape == Hostile.FILE_IS_A_LINK) assertEquals("precious", Files.readString(elsewhere.resolve("victim")));
        if (shape == Hostile.PARENT_OTHERS_MAY_WRITE_NOT_STICKY) assertFalse(Files.exists(locks), "nothing made where others may swap it");
        // the refusal let go of the in-process lock: another thread takes the project's lock in a good directory at once
        Path good = dir.resolve("good");
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> acquire(good).close());
        other.get(5, TimeUnit.SECONDS);
    }

    private static List<String> listing(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void oneSocketNamedTwoWaysTakesOneLock() throws Exception {
        Path socket = Files.writeString(dir.resolve("docker.sock"), "");
        Path link = Files.createSymbolicLink(dir.resolve("link.sock"), socket);
        assertEquals(ProjectLock.engineKey("unix://" + socket), ProjectLock.engineKey("unix://" + link));
        Path locks = dir.resolve("locks");
        CompletableFuture<Void> other;
        try (ProjectLock held = ProjectLock.acquire(locks, "unix://" + socket, "demo", () -> { })) {
            CompletableFuture<Boolean> waited = new CompletableFuture<>();
            other = CompletableFuture.runAsync(
                    () -> ProjectLock.acquire(locks, "unix://" + link, "demo", () -> waited.complete(true)).close());
            assertTrue(waited.get(5, TimeUnit.SECONDS), "the command through the link waits for the lock");
            assertFalse(other.isDone());
        }
        other.get(5, TimeUnit.SECONDS);
        assertEquals("tcp://10.0.0.1:2375", ProjectLock.engineKey("tcp://10.0.0.1:2375"));
        assertEquals("unix:///nonexistent.sock", ProjectLock.engineKey("unix:///nonexistent.sock"));
    }

    @Test
    void aNetworkLockIsApartFromTheProjectLockOfTheSameName() throws Exception {
        Path locks = dir.resolve("locks");
        String engine = Integer.toHexString(ProjectLock.engineKey(HOST).hashCode());
        CompletableFuture<Boolean> waited = new CompletableFuture<>();
        CompletableFuture<Void> other;
        try (ProjectLock project = acquire(locks)) {
            ProjectLock network = ProjectLock.network(locks, HOST, "demo", () -> { throw new AssertionError("waited for the project's lock"); });
            try {
                assertEquals("rw-------", mode(locks.resolve(engine + "-net.demo.lock")), listing(locks).toString());
                other = CompletableFuture.runAsync(() -> ProjectLock.network(locks, HOST, "demo", () -> waited.complete(true)).close());
                assertTrue(waited.get(5, TimeUnit.SECONDS), "a second command on that network waits");
            } finally {
                network.close();
            }
        }
        other.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aRefusedLockChangesNothingOnTheEngine() throws IOException {
        Path locks = Files.createDirectory(dir.resolve("locks"));
        chownToAnotherUser(locks);
        Files.writeString(dir.resolve("compose.yaml"), "services:\n  web: {image: busybox}\n");
        Project project = ComposeLoader.load(LoadOptions.of(dir, Map.of()).withProjectName("demo")).project();
        InMemoryEngine engine = new InMemoryEngine().withImages("busybox");
        ComposeService service = new ComposeService(engine, new ComposeService.Settings(2, locks));
        LockRefusedException refused = assertThrows(LockRefusedException.class, () -> service.up(project, UpRequest.detached(), Events.NONE));
        assertTrue(refused.getMessage().contains(locks.toString()), refused.getMessage());
        assertEquals(List.of(), engine.calls());
    }
}
