package dev.jcompose.executor.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.executor.Engine;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.ImageCopy;
import dev.jcompose.executor.testing.OwnEngine;
import dev.jcompose.executor.testing.RealEngine;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Saving an image from the main engine and loading it into an engine of the test's own, through the port. */
@Tag("engine")
@ExtendWith(RealEngine.class)
class ImageSaveLoadTest {
    private static OwnEngine own;

    @BeforeAll
    static void startOwnEngine() {
        own = OwnEngine.launch(OwnEngine.Options.named("saveload"));
    }

    @AfterAll
    static void stopOwnEngine() {
        if (own != null) own.close();
    }

    @Test
    void copiesTheBaseImageIntoAnotherEngineWithItsIdAndTag() {
        try (Engine main = RealEngine.connect(); Engine target = own.connect()) {
            assertFalse(target.imageExists(RealEngine.BASE_IMAGE), "a fresh engine has no images");
            List<String> loaded = ImageCopy.copy(main, RealEngine.BASE_IMAGE, target);
            assertEquals(List.of(RealEngine.BASE_IMAGE), loaded);
            assertEquals(main.imageId(RealEngine.BASE_IMAGE), target.imageId(RealEngine.BASE_IMAGE));
            // again: the engine loads over what it has, and says so the same way
            assertEquals(List.of(RealEngine.BASE_IMAGE), ImageCopy.copy(main, RealEngine.BASE_IMAGE, target));
        }
    }

    @Test
    void aSavedTarIsTheImageTheEngineLoadsBack() {
        try (Engine main = RealEngine.connect(); Engine target = own.connect()) {
            ByteArrayOutputStream tar = new ByteArrayOutputStream();
            main.saveImage(RealEngine.BASE_IMAGE, tar);
            assertTrue(tar.size() > 1_000_000, "busybox saved is over a megabyte: " + tar.size());
            assertEquals(List.of(RealEngine.BASE_IMAGE), target.loadImage(new ByteArrayInputStream(tar.toByteArray())));
        }
    }

    @Test
    void aMissingImageIsAnErrorNamingIt() {
        try (Engine main = RealEngine.connect(); Engine target = own.connect()) {
            EngineException e = assertThrows(EngineException.class,
                    () -> ImageCopy.copy(main, "jcompose/not-here:missing", target));
            assertTrue(e.getMessage().contains("jcompose/not-here:missing"), e.getMessage());
            assertTrue(e.getMessage().contains(main.info().host()), e.getMessage());
        }
    }

    @Test
    void aTarTheEngineCannotLoadIsAnErrorWithItsMessage() {
        try (Engine target = own.connect()) {
            EngineException e = assertThrows(EngineException.class,
                    () -> target.loadImage(new ByteArrayInputStream("not a tar".getBytes(StandardCharsets.UTF_8))));
            assertTrue(e.getMessage().startsWith("load image: "), e.getMessage());
        }
    }
}
