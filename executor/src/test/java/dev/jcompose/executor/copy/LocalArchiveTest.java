package dev.jcompose.executor.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The local side of cp: a folder as the engine's tar (names, modes, links), and a tar extracted with its root renamed. */
class LocalArchiveTest {
    @TempDir
    Path dir;

    private Path tree() throws IOException {
        Path d = Files.createDirectories(dir.resolve("src/d/sub"));
        Files.writeString(d.getParent().resolve("a"), "a\n");
        Files.writeString(d.resolve("b"), "b\n");
        Files.setPosixFilePermissions(d.resolve("b"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.createSymbolicLink(d.getParent().resolve("la"), Path.of("a"));
        return d.getParent();
    }

    private static List<String> entries(byte[] tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName() + (e.isSymbolicLink() ? " -> " + e.getLinkName() : "") + " " + Integer.toOctalString(e.getMode()));
            }
        }
        return names;
    }

    @ParameterizedTest(name = "root {0}")
    @CsvSource(delimiter = ';', textBlock = """
            d   ; d/ 40755,d/a 100644,d/la -> a 120777,d/sub/ 40755,d/sub/b 100750
            new ; new/ 40755,new/a 100644,new/la -> a 120777,new/sub/ 40755,new/sub/b 100750
            .   ; ./ 40755,./a 100644,./la -> a 120777,./sub/ 40755,./sub/b 100750
            """)
    void aFolderGoesAsTheEnginesTarRootedWhereItLands(String root, String expected) throws IOException {
        Path d = tree();
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(d.resolve("sub"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(d.resolve("a"), PosixFilePermissions.fromString("rw-r--r--"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalArchive.write(d, root, out);
        assertEquals(List.of(expected.split(",")), entries(out.toByteArray()));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', textBlock = """
            d ; d   ; out/d/sub/b
            d ; new ; out/new/sub/b
            d ; .   ; out/sub/b
            . ; .   ; out/sub/b
            . ; new ; out/new/sub/b
            """)
    void aTarIsExtractedWithItsRootRenamed(String from, String to, String file) throws IOException {
        Path d = tree();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LocalArchive.write(d, from, out);
        Path target = Files.createDirectories(dir.resolve("out"));
        LocalArchive.extract(new ByteArrayInputStream(out.toByteArray()), from, target, to);
        assertEquals("b\n", Files.readString(dir.resolve(file)));
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))));
        assertEquals(Path.of("a"), Files.readSymbolicLink(dir.resolve(file).getParent().getParent().resolve("la")));
    }

    @Test
    void aFileNeverReplacesAFolderNorLandsOutsideTheTarget() throws IOException {
        Path d = tree();
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        LocalArchive.write(d.resolve("a"), "x", file);
        Path target = Files.createDirectories(dir.resolve("out/x"));
        CopyException e = assertThrows(CopyException.class,
                () -> LocalArchive.extract(new ByteArrayInputStream(file.toByteArray()), "x", target.getParent(), "x"));
        assertTrue(e.getMessage().startsWith("cannot overwrite directory"), e.getMessage());
        assertThrows(CopyException.class, () -> LocalArchive.relative("y/z", "x"));
        ByteArrayOutputStream sneaky = new ByteArrayOutputStream();
        LocalArchive.write(d.resolve("a"), "x/../../../escaped", sneaky);
        assertThrows(CopyException.class, () -> LocalArchive.extract(new ByteArrayInputStream(sneaky.toByteArray()), "x", target, "x"));
        assertTrue(Files.notExists(dir.resolve("escaped")));
    }
}
