package dev.jcompose.executor.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A unix socket that stands between jcompose and an engine socket, passes every request on and injects a
 * {@link Fault} into the ones a rule matches. Each request is sent to the engine on a connection of its own
 * ({@code Connection: close} replaces the client's keep-alive; an upgrade to a raw stream is left as it is), so that
 * a fault hits exactly one request and the rest of the stream is piped as bytes.
 *
 * <p>Requests are matched on method and path with the API version prefix and the query taken off:
 * {@code POST /v1.41/containers/create?name=x} is {@code POST /containers/create}.
 */
public final class FaultProxy implements AutoCloseable {
    /** One request as the rules see it. */
    public record Request(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** A fault for the next {@code remaining} requests that {@code match} (all of them when negative). */
    private record Rule(Predicate<Request> match, Fault fault, AtomicInteger remaining, AtomicInteger injected) {}

    private static final Pattern VERSION = Pattern.compile("^/v\\d+\\.\\d+(?=/)");
    private static final int MAX_HEAD = 64 * 1024;

    private final Path socket;
    private final Path upstream;
    private final ServerSocketChannel server;
    private final Thread acceptor;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Request> seen = new CopyOnWriteArrayList<>();
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger injectedCount = new AtomicInteger();
    private volatile boolean closed;

    private FaultProxy(Path socket, Path upstream, ServerSocketChannel server) {
        this.socket = socket;
        this.upstream = upstream;
        this.server = server;
        this.acceptor = new Thread(this::accept, "fault-proxy-accept");
        acceptor.setDaemon(true);
    }

    /** Listens on {@code socket} (made anew) and passes requests on to the engine socket {@code upstream}. */
    public static FaultProxy start(Path socket, Path upstream) throws IOException {
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        FaultProxy proxy = new FaultProxy(socket, upstream, server);
        proxy.acceptor.start();
        return proxy;
    }

    /** The proxy as a {@code DOCKER_HOST} value. */
    public String host() {
        return "unix://" + socket;
    }

    /** Requests with this method whose path (without version and query) matches the regular expression {@code path}. */
    public static Predicate<Request> calls(String method, String path) {
        Pattern p = Pattern.compile(path);
        return r -> r.method().equals(method) && p.matcher(r.path()).matches();
    }

    /** Every request. */
    public static Predicate<Request> any() {
        return r -> true;
    }

    /**
     * Injects {@code fault} into the next {@code times} requests that {@code match} (every one when {@code times}
     * is negative); rules are tried in the order they were added, the first that matches wins.
     */
    public FaultProxy inject(Predicate<Request> match, Fault fault, int times) {
        rules.add(new Rule(match, fault, new AtomicInteger(times), new AtomicInteger()));
        return this;
    }

    /** Removes every rule: what comes next passes through untouched. Connections hanging already stay hung. */
    public void clear() {
        rules.clear();
    }

    /** How many faults were injected since the start, over all rules, cleared ones included. */
    public int injected() {
        return injectedCount.get();
    }

    /** Every request seen, in the order they came. */
    public List<Request> requests() {
        return List.copyOf(seen);
    }

    /** How many requests seen so far match. */
    public long count(Predicate<Request> match) {
        return seen.stream().filter(match).count();
    }

    /** Closes every connection still open (hung ones included), leaving the proxy listening. */
    public void dropAll() {
        for (SocketChannel c : List.copyOf(open)) closeQuietly(c);
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        dropAll();
        try {
            acceptor.join(2000);
            Files.deleteIfExists(socket);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the socket file goes with the test's directory
        }
    }

    private void accept() {
        while (!closed) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            open.add(client);
            Thread t = new Thread(() -> serve(client), "fault-proxy-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    /** One client connection: its first request, and then the bytes of whatever it upgrades to. */
    private void serve(SocketChannel client) {
        SocketChannel engine = null;
        try {
            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            String head = readHead(client, rest);
            if (head == null) return;
            String[] requestLine = head.substring(0, head.indexOf("\r\n")).split(" ");
            if (requestLine.length < 2) return;
            Request request = new Request(requestLine[0], path(requestLine[1]));
            seen.add(request);
            Fault fault = faultFor(request);
            if (fault instanceof Fault.DropBeforeRequest) return;
            if (fault instanceof Fault.Garbage) {
                write(client, Fault.GARBAGE.getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            if (fault instanceof Fault.Hang) {
                drain(client); // until the client gives up, or the proxy closes
                return;
            }
            if (fault instanceof Fault.Delay d) Thread.sleep(d.delay().toMillis());
            engine = SocketChannel.open(UnixDomainSocketAddress.of(upstream));
            open.add(engine);
            write(engine, rewrite(head).getBytes(StandardCharsets.ISO_8859_1));
            write(engine, rest.toByteArray());
            SocketChannel toEngine = engine;
            Thread body = new Thread(() -> pipeRequest(client, toEngine), "fault-proxy-body");
            body.setDaemon(true);
            body.start();
            long limit = fault instanceof Fault.Truncate t ? t.bytes() : Long.MAX_VALUE;
            long bodyLimit = fault instanceof Fault.TruncateBody t ? t.bytes() : -1;
            pipeAnswer(engine, client, limit, bodyLimit, fault instanceof Fault.DropAfterRequest);
        } catch (IOException e) {
            // either side went away: the other goes too
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(client);
            if (engine != null) closeQuietly(engine);
        }
    }

    private Fault faultFor(Request request) {
        for (Rule rule : rules) {
            if (!rule.match().test(request)) continue;
            int left = rule.remaining().getAndUpdate(n -> n > 0 ? n - 1 : n);
            if (left == 0) continue; // used up
            rule.injected().incrementAndGet();
            injectedCount.incrementAndGet();
            return rule.fault();
        }
        return null;
    }

    /** {@code /v1.41/containers/json?all=1} as {@code /containers/json}. */
    static String path(String target) {
        int q = target.indexOf('?');
        String p = q < 0 ? target : target.substring(0, q);
        return VERSION.matcher(p).replaceFirst("");
    }

    /** The head with {@code Connection: close} in place of the client's own, unless it asks for an upgrade. */
    static String rewrite(String head) {
        List<String> lines = new ArrayList<>(List.of(head.split("\r\n", -1)));
        boolean upgrade = lines.stream().anyMatch(l -> l.toLowerCase(Locale.ROOT).startsWith("upgrade:"));
        if (upgrade) return head;
        lines.removeIf(l -> l.toLowerCase(Locale.ROOT).startsWith("connection:") || l.toLowerCase(Locale.ROOT).startsWith("keep-alive:"));
        // the head ends with two empty strings (the blank line); the header goes before them
        lines.add(lines.size() - 2, "Connection: close");
        return String.join("\r\n", lines);
    }

    /** Reads up to and including the blank line that ends the head; what came after it goes to {@code rest}. */
    private static String readHead(SocketChannel client, ByteArrayOutputStream rest) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        while (head.size() < MAX_HEAD) {
            buf.clear();
            int n = client.read(buf);
            if (n < 0) return null;
            head.write(buf.array(), 0, n);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end >= 0) {
                byte[] all = head.toByteArray();
                rest.write(all, end + 4, all.length - end - 4);
                return text.substring(0, end + 4);
            }
        }
        return null;
    }

    /** The rest of the request (a body, or the input of an upgraded stream); its end half-closes the engine's side. */
    private static void pipeRequest(SocketChannel client, SocketChannel engine) {
        ByteBuffer buf = ByteBuffer.allocate(16384);
        try {
            while (client.read(buf.clear()) >= 0) {
                buf.flip();
                while (buf.hasRemaining()) engine.write(buf);
            }
            engine.shutdownOutput();
        } catch (IOException e) {
            // the answer's side closes both
        }
    }

    /**
     * The engine's answer to the client: all of it, its first {@code limit} bytes, its head and the first
     * {@code bodyLimit} bytes of its body (when not negative), or (with {@code dropAtStart}) none once its first byte
     * shows that the engine has done the request.
     */
    private static void pipeAnswer(SocketChannel engine, SocketChannel client, long limit, long bodyLimit, boolean dropAtStart)
            throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(16384);
        long sent = 0;
        // the last bytes seen, to find the blank line that ends the head
        int tail = 0;
        while (sent < limit) {
            buf.clear();
            if (limit - sent < buf.capacity()) buf.limit((int) (limit - sent));
            if (engine.read(buf) < 0) return;
            if (dropAtStart) return;
            buf.flip();
            if (bodyLimit >= 0 && limit == Long.MAX_VALUE) {
                for (int i = buf.position(); i < buf.limit(); i++) {
                    tail = (tail << 8) | (buf.get(i) & 0xff);
                    if (tail == 0x0d0a0d0a) {
                        limit = sent + (i - buf.position()) + 1 + bodyLimit;
                        if (buf.limit() - buf.position() > limit - sent) buf.limit((int) (buf.position() + limit - sent));
                        break;
                    }
                }
            }
            sent += buf.remaining();
            while (buf.hasRemaining()) client.write(buf);
        }
    }

    private static void drain(SocketChannel client) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (client.read(buf.clear()) >= 0) {
            // what a hung engine would have read
        }
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) channel.write(b);
    }

    private void closeQuietly(Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            // going away anyway
        }
        if (c instanceof SocketChannel s) open.remove(s);
    }
}
