package dev.jcompose.executor.copy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** docker cp's table of where a copy lands (its documentation's cases), and Go's path splitting. */
class CopyPathsTest {
    @ParameterizedTest(name = "{0} dir={1} → {2} (exists={3} dir={4})")
    @CsvSource(delimiter = ';', nullValues = "-", textBlock = """
            # source base ; source is a folder ; destination ; exists ; is a folder ; folder extracted into ; root named ; error
            a    ; false ; /tmp/new        ; false ; false ; /tmp     ; new  ; -
            a    ; false ; /tmp/new/       ; false ; false ; -        ; -    ; no such directory
            a    ; false ; /tmp/file       ; true  ; false ; /tmp     ; file ; -
            a    ; false ; /tmp/dir        ; true  ; true  ; /tmp/dir ; a    ; -
            a    ; false ; /tmp/dir/       ; true  ; true  ; /tmp/dir/ ; a   ; -
            d    ; true  ; /tmp/new        ; false ; false ; /tmp     ; new  ; -
            d    ; true  ; /tmp/new/       ; false ; false ; /tmp     ; new  ; -
            d    ; true  ; /tmp/file       ; true  ; false ; -        ; -    ; cannot copy directory
            d    ; true  ; /tmp/dir        ; true  ; true  ; /tmp/dir ; d    ; -
            .    ; true  ; /tmp/dir        ; true  ; true  ; /tmp/dir ; .    ; -
            .    ; true  ; /tmp/new        ; false ; false ; /tmp     ; new  ; -
            a    ; false ; /               ; true  ; true  ; /        ; a    ; -
            a    ; false ; new             ; false ; false ; .        ; new  ; -
            """)
    void whereTheCopyLands(String base, boolean directory, String destination, boolean exists, boolean isDirectory,
                           String into, String root, String error) {
        CopyPaths.Source source = new CopyPaths.Source(directory, base);
        CopyPaths.Destination to = new CopyPaths.Destination(destination, exists, isDirectory);
        if (error != null) {
            CopyException e = assertThrows(CopyException.class, () -> CopyPaths.place(source, to));
            assertTrue(e.getMessage().startsWith(error), e.getMessage());
            return;
        }
        assertEquals(new CopyPaths.Placement(into, root), CopyPaths.place(source, to));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            /a/b       ; /a  ; b ; false ; false
            /a/b/      ; /a  ; b ; true  ; false
            /a/b/.     ; /a/b ; . ; true ; true
            /a//b/../c ; /a  ; c ; false ; false
            b          ; .   ; b ; false ; false
            /b         ; /   ; b ; false ; false
            .          ; .   ; . ; true  ; true
            """)
    void pathsSplitAsGoSplitsThem(String path, String dir, String base, boolean assertsDirectory, boolean contentOnly) {
        String[] split = CopyPaths.splitDirEntry(path);
        assertEquals(dir, split[0]);
        assertEquals(base, split[1]);
        assertEquals(assertsDirectory, CopyPaths.assertsDirectory(path));
        assertEquals(contentOnly, CopyPaths.contentOnly(path));
    }
}
