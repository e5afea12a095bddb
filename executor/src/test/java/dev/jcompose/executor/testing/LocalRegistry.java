package dev.jcompose.executor.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests that push to and pull from the local registry {@code scripts/registry.sh} runs (Debian's
 * docker-registry, distribution 2.8): before the class, the registry must answer {@code GET /v2/} at
 * {@value #ADDRESS}, or the test fails saying what to run; never skipped. Repositories a test pushes are named
 * after its project ({@code 127.0.0.1:5000/jct-push-1a2b3c4d/app:1}), so no two tests share one; {@link #delete}
 * removes a repository's manifests afterwards.
 */
public final class LocalRegistry implements BeforeAllCallback {
    /** The registry as the main engine reaches it: loopback, which the engine trusts over plain HTTP unasked. */
    public static final String ADDRESS = "127.0.0.1:5000";
    /** The same registry as the swarm bed's nodes reach it ({@link SwarmBed#REGISTRY}). */
    public static final String BED_ADDRESS = SwarmBed.REGISTRY;
    private static final String MANIFEST_TYPES = "application/vnd.docker.distribution.manifest.v2+json, "
            + "application/vnd.docker.distribution.manifest.list.v2+json, application/vnd.oci.image.manifest.v1+json, "
            + "application/vnd.oci.image.index.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!answers(ADDRESS)) {
            fail("No image registry answers at " + ADDRESS + ": run scripts/registry.sh (scripts/test.sh does; it "
                    + "installs Debian's docker-registry when missing and starts it).");
        }
    }

    /** True when a registry answers {@code GET http://ADDRESS/v2/} with 200. */
    public static boolean answers(String address) {
        try {
            return send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/")).GET()).statusCode() == 200;
        } catch (UncheckedIOException e) {
            return false;
        }
    }

    /** The tags a repository has in the registry ({@code GET /v2/NAME/tags/list}); none when it has none. */
    public static List<String> tags(String repository) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create("http://" + ADDRESS + "/v2/" + repository + "/tags/list")).GET());
        List<String> tags = new ArrayList<>();
        if (r.statusCode() != 200) return tags;
        try {
            JsonNode list = JSON.readTree(r.body()).get("tags");
            if (list != null) list.forEach(t -> tags.add(t.asText()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        tags.sort(null);
        return tags;
    }

    /** Deletes every tagged manifest of a repository (its blobs stay until the registry's garbage collection). */
    public static void delete(String repository) {
        for (String tag : tags(repository)) {
            URI manifest = URI.create("http://" + ADDRESS + "/v2/" + repository + "/manifests/" + tag);
            HttpResponse<String> head = send(HttpRequest.newBuilder(manifest).method("HEAD", HttpRequest.BodyPublishers.noBody())
                    .header("Accept", MANIFEST_TYPES));
            head.headers().firstValue("Docker-Content-Digest").ifPresent(digest -> send(HttpRequest.newBuilder(
                    URI.create("http://" + ADDRESS + "/v2/" + repository + "/manifests/" + digest)).DELETE()));
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
