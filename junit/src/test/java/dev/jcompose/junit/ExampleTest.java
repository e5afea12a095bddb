package dev.jcompose.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jcompose.api.ComposeStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The README's example, as it is there: the sample app and its Redis, up before the test, down after. */
@Tag("engine")
@Compose(files = "src/test/resources/compose.yaml")
class ExampleTest {
    @Test
    void theAppKeepsANote(ComposeStack stack) throws Exception {
        URI notes = stack.service("app").uri("http", 8080).resolve("/notes");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> kept = http.send(HttpRequest.newBuilder(notes)
                .POST(HttpRequest.BodyPublishers.ofString("buy milk")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, kept.statusCode(), kept.body());

        String all = http.send(HttpRequest.newBuilder(notes).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(all.contains("buy milk"), all);
    }
}
