package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private final List<String> lines = new ArrayList<>();
    private final LineSplitter splitter = new LineSplitter(lines::add);

    private void send(String text) {
        splitter.accept(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesCutAnywhereByTheFramesComeOutWhole() {
        send("one\ntw");
        send("o\r\nthr");
        send("ee\n\nlast");
        assertEquals(List.of("one", "two", "three", ""), lines);
        splitter.flush();
        assertEquals(List.of("one", "two", "three", "", "last"), lines);
    }

    @Test
    void aLineWithoutNewlinesIsPassedOnInPiecesOfTheLimitNeverHeldWhole() {
        String chunk = "é".repeat(1000) + "x".repeat(1000); // two-byte characters: a cut must fall between them
        int sent = 0;
        while (sent < 3 * LineSplitter.MAX_LINE_BYTES) {
            send(chunk);
            sent += chunk.getBytes(StandardCharsets.UTF_8).length;
        }
        send("\n");
        assertTrue(lines.size() >= 3, "pieces came before the newline: " + lines.size());
        StringBuilder joined = new StringBuilder();
        for (String piece : lines) {
            assertTrue(piece.getBytes(StandardCharsets.UTF_8).length <= LineSplitter.MAX_LINE_BYTES + 3, "a piece within the limit (and the rest of its last character)");
            assertTrue(!piece.contains("\uFFFD"), "no character cut in two");
            joined.append(piece);
        }
        assertEquals(chunk.repeat(sent / chunk.getBytes(StandardCharsets.UTF_8).length), joined.toString(), "no byte lost");
    }
}
