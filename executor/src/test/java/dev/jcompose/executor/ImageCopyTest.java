package dev.jcompose.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.memory.InMemoryEngine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ImageCopy} between in-memory engines: what arrives, and which failure is reported. */
class ImageCopyTest {
    @Test
    void theImageArrivesWithItsId() {
        InMemoryEngine source = new InMemoryEngine().withImages("app:1");
        InMemoryEngine target = new InMemoryEngine();
        assertEquals(List.of("app:1"), ImageCopy.copy(source, "app:1", target));
        assertEquals(source.imageId("app:1"), target.imageId("app:1"));
        assertEquals(List.of("load image"), target.calls());
    }

    @Test
    void aMissingImageIsTheSavesFailureNotTheLoadsConsequence() {
        InMemoryEngine target = new InMemoryEngine();
        EngineException e = assertThrows(EngineException.class, () -> ImageCopy.copy(new InMemoryEngine(), "app:1", target));
        assertEquals("copy image app:1 from memory:// to memory://: save image app:1: No such image: app:1", e.getMessage());
        assertFalse(target.imageExists("app:1"));
    }

    @Test
    void aRefusedLoadIsReportedAndTheSaverEnds() {
        InMemoryEngine source = new InMemoryEngine().withImages("app:1");
        InMemoryEngine target = new InMemoryEngine().failing(call -> call.equals("load image"));
        EngineException e = assertThrows(EngineException.class, () -> ImageCopy.copy(source, "app:1", target));
        assertTrue(e.getMessage().endsWith("load image: injected failure"), e.getMessage());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("image-save app:1")),
                "the saving thread has ended");
    }
}
