import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The least a JVM program does before it can plan an up: ask the engine for its API version and list the project's
 * containers. bench/floor.sh times it two ways: "zerodep", through docker-java's zerodep transport configured as
 * jcompose configures it (no TLS context on a unix socket), and "raw", over the JDK's own Unix-domain socket with
 * no HTTP library at all. Not part of jcompose: a yardstick for what its own start-up could still win.
 */
public final class Floor {
    private static final String[] PATHS = {"/_ping",
            "/containers/json?all=1&filters=%7B%22label%22%3A%5B%22com.docker.compose.project%3Dfloor%22%5D%7D"};

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("raw")) raw();
        else zerodep();
    }

    private static void zerodep() throws Exception {
        try (DockerHttpClient http = new ZerodepDockerHttpClient.Builder().dockerHost(URI.create("unix:///var/run/docker.sock"))
                .sslConfig(() -> new SSLContext(new NoTls(), null, "none") { })
                .maxConnections(8).connectionTimeout(Duration.ofSeconds(5)).responseTimeout(Duration.ofMinutes(1)).build()) {
            for (String path : PATHS) {
                try (DockerHttpClient.Response r = http.execute(DockerHttpClient.Request.builder()
                        .method(DockerHttpClient.Request.Method.GET).path(path).build())) {
                    r.getBody().readAllBytes();
                    if (r.getStatusCode() != 200) throw new IllegalStateException(path + " answered " + r.getStatusCode());
                }
            }
        }
    }

    /** HTTP/1.1 by hand, just enough for these two answers: a body of a given length, or chunks up to the last one. */
    private static void raw() throws Exception {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of("/var/run/docker.sock"));
            for (String path : PATHS) {
                ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.1\r\nHost: docker\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
                ByteBuffer buf = ByteBuffer.allocate(1 << 20);
                String answer;
                do {
                    if (ch.read(buf) < 0) throw new IllegalStateException("engine closed the connection");
                    answer = new String(buf.array(), 0, buf.position(), StandardCharsets.ISO_8859_1);
                } while (!complete(answer));
                if (!answer.startsWith("HTTP/1.1 200")) throw new IllegalStateException(path + " answered " + answer.lines().findFirst().orElse(""));
            }
        }
    }

    private static boolean complete(String answer) {
        int end = answer.indexOf("\r\n\r\n");
        if (end < 0) return false;
        for (String header : answer.substring(0, end).split("\r\n")) {
            if (header.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                return answer.length() - end - 4 >= Integer.parseInt(header.substring(15).trim());
            }
        }
        return answer.endsWith("\r\n0\r\n\r\n");
    }

    private static final class NoTls extends SSLContextSpi {
        @Override protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) { }
        @Override protected SSLSocketFactory engineGetSocketFactory() { throw new IllegalStateException(); }
        @Override protected SSLServerSocketFactory engineGetServerSocketFactory() { throw new IllegalStateException(); }
        @Override protected SSLEngine engineCreateSSLEngine() { throw new IllegalStateException(); }
        @Override protected SSLEngine engineCreateSSLEngine(String host, int port) { throw new IllegalStateException(); }
        @Override protected SSLSessionContext engineGetServerSessionContext() { throw new IllegalStateException(); }
        @Override protected SSLSessionContext engineGetClientSessionContext() { throw new IllegalStateException(); }
    }
}
