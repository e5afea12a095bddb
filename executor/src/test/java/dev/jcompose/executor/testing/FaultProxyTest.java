package dev.jcompose.executor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each fault mode of {@link FaultProxy}, against a {@link CannedEngine} and a client that speaks HTTP by hand. */
class FaultProxyTest {
    private static final String PING = "GET /v1.41/_ping HTTP/1.1\r\nHost: docker\r\nConnection: keep-alive\r\n\r\n";
    private static final String CREATE = "POST /v1.41/containers/create?name=a HTTP/1.1\r\nHost: docker\r\n"
            + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

    @TempDir
    Path dir;
    private CannedEngine engine;
    private FaultProxy proxy;

    @BeforeEach
    void start() throws IOException {
        engine = CannedEngine.start(dir.resolve("engine.sock"))
                .answer("POST", "/containers/create", 201, "{\"Id\":\"abc\",\"Warnings\":[]}");
        proxy = FaultProxy.start(dir.resolve("proxy.sock"), engine.socket());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        engine.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/v1.41/containers/json?all=1&filters=x, /containers/json",
            "/_ping, /_ping",
            "/v1.47/containers/a/stop?t=10, /containers/a/stop",
            "/containers/v1.41/x, /containers/v1.41/x",
    })
    void pathsAreMatchedWithoutVersionAndQuery(String target, String path) {
        assertEquals(path, FaultProxy.path(target));
    }

    @Test
    void keepAliveBecomesCloseAndAnUpgradeIsLeftAlone() {
        assertEquals("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n",
                FaultProxy.rewrite("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: keep-alive\r\n\r\n"));
        String upgrade = "POST /x/attach HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n\r\n";
        assertEquals(upgrade, FaultProxy.rewrite(upgrade));
    }

    @Test
    void withoutARuleEveryRequestPassesAndIsRecorded() throws Exception {
        assertTrue(send(PING, 2000).startsWith("HTTP/1.1 200 OK\r\n"));
        String created = send(CREATE, 2000);
        assertTrue(created.startsWith("HTTP/1.1 201 Created\r\n"), created);
        assertTrue(created.endsWith("{\"Id\":\"abc\",\"Warnings\":[]}"), created);
        assertEquals("[GET /_ping, POST /containers/create]", proxy.requests().toString());
        assertEquals(2, engine.served());
        assertEquals(0, proxy.injected());
    }

    @Test
    void aDelayHoldsTheRequestBackThenPassesItOn() throws Exception {
        proxy.inject(FaultProxy.any(), new Fault.Delay(Duration.ofMillis(400)), 1);
        long start = System.nanoTime();
        assertTrue(send(PING, 3000).startsWith("HTTP/1.1 200 OK"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 400, "answered after " + millis + " ms");
        assertEquals(1, proxy.injected());
    }

    @Test
    void aHangNeverAnswersUntilTheConnectionIsDropped() throws Exception {
        proxy.inject(FaultProxy.any(), new Fault.Hang(), -1);
        try (SocketChannel c = connect()) {
            write(c, PING);
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readAll(c));
            try {
                answer.get(500, TimeUnit.MILLISECONDS);
                throw new AssertionError("a hung request was answered: " + answer.join());
            } catch (TimeoutException expected) {
                // still waiting, as a client of a hung engine does
            }
            proxy.dropAll();
            assertEquals("", answer.get(2, TimeUnit.SECONDS), "dropped without an answer");
        }
        assertEquals(0, engine.served(), "the engine never saw it");
    }

    @Test
    void aDropBeforeTheRequestClosesWithoutPassingItOn() throws Exception {
        proxy.inject(FaultProxy.calls("POST", "/containers/create"), new Fault.DropBeforeRequest(), 1);
        assertEquals("", send(CREATE, 2000));
        assertEquals(0, engine.served(), "the engine never saw it");
        assertTrue(send(CREATE, 2000).startsWith("HTTP/1.1 201"), "the rule was for one request only");
        assertEquals(1, engine.served());
    }

    @Test
    void aDropAfterTheRequestLetsTheEngineDoItAndLosesTheAnswer() throws Exception {
        proxy.inject(FaultProxy.calls("POST", "/containers/create"), new Fault.DropAfterRequest(), -1);
        assertEquals("", send(CREATE, 2000));
        // the engine counts once its answer is written, which may be just after the proxy saw its first byte
        for (int i = 0; i < 100 && engine.served() == 0; i++) Thread.sleep(10);
        assertEquals(1, engine.served(), "the engine did the work");
        assertTrue(send(PING, 2000).startsWith("HTTP/1.1 200"), "other requests are not matched");
    }

    @Test
    void aTruncatedAnswerStopsAfterItsBytes() throws Exception {
        proxy.inject(FaultProxy.any(), new Fault.Truncate(20), 1);
        String answer = send(CREATE, 2000);
        assertEquals(20, answer.length(), answer);
        assertEquals("HTTP/1.1 201 Created", answer);
    }

    @Test
    void aBodyCutShortKeepsTheHeadAndThatManyBytesOfTheBody() throws Exception {
        proxy.inject(FaultProxy.any(), new Fault.TruncateBody(5), 1);
        String answer = send(CREATE, 2000);
        assertTrue(answer.startsWith("HTTP/1.1 201 Created\r\n"), answer);
        assertTrue(answer.endsWith("\r\n\r\n{\"Id\""), answer);
    }

    @Test
    void garbageIsAnsweredWithoutAskingTheEngine() throws Exception {
        proxy.inject(FaultProxy.any(), new Fault.Garbage(), 1);
        assertEquals(Fault.GARBAGE, send(PING, 2000));
        assertEquals(0, engine.served());
    }

    @Test
    void rulesAreTriedInOrderAndCountWhatTheyInjected() throws Exception {
        proxy.inject(FaultProxy.calls("GET", "/_ping"), new Fault.Garbage(), 2)
                .inject(FaultProxy.any(), new Fault.DropBeforeRequest(), 1);
        assertEquals(Fault.GARBAGE, send(PING, 2000));
        assertEquals(Fault.GARBAGE, send(PING, 2000));
        assertEquals("", send(PING, 2000), "the first rule is used up; the second takes the third ping");
        assertTrue(send(PING, 2000).startsWith("HTTP/1.1 200"), "both are used up");
        assertEquals(3, proxy.injected());
        assertEquals(4, proxy.count(FaultProxy.calls("GET", "/_ping")));
        proxy.inject(FaultProxy.any(), new Fault.Garbage(), -1);
        proxy.clear();
        assertTrue(send(PING, 2000).startsWith("HTTP/1.1 200"), "cleared");
    }

    private SocketChannel connect() throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(dir.resolve("proxy.sock")));
    }

    /** Sends one request and reads until the connection closes, failing when that takes longer than {@code millis}. */
    private String send(String request, long millis) throws Exception {
        try (SocketChannel c = connect()) {
            write(c, request);
            return CompletableFuture.supplyAsync(() -> readAll(c)).get(millis, TimeUnit.MILLISECONDS);
        }
    }

    private static void write(SocketChannel c, String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
        while (b.hasRemaining()) c.write(b);
    }

    private static String readAll(SocketChannel c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(4096);
        try {
            for (int n; (n = c.read(buf.clear())) >= 0; ) out.write(buf.array(), 0, n);
        } catch (IOException e) {
            // closed: what came is the answer
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
