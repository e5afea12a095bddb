package dev.jcompose.executor.docker;

import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.LogFollower;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An attach or exec stream with standard input, spoken directly over the engine's unix socket. docker-java's
 * transports never half-close the connection when the input ends (docker-java issue 1448, not fixed for the Apache
 * client the zerodep transport shades), so a container reading its input to the end waits forever; the docker CLI
 * closes its write side at the end of the input, and so does this. The stream is the engine's multiplexed one
 * (8-byte frame headers), or raw on a TTY.
 */
final class Hijacked implements LogFollower {
    private final SocketChannel channel;
    private final Thread reader;
    private final Thread writer;

    private Hijacked(SocketChannel channel, Thread reader, Thread writer) {
        this.channel = channel;
        this.reader = reader;
        this.writer = writer;
    }

    /**
     * Sends {@code POST path} (with a JSON body or none) asking for the connection to be upgraded, and once the
     * engine agreed, pumps {@code stdin} into it (half-closing at its end) and the output out of it.
     */
    static Hijacked open(String socketPath, String path, String jsonBody, boolean tty, InputStream stdin,
                         Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(socketPath));
            byte[] body = jsonBody == null ? new byte[0] : jsonBody.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
                    + (jsonBody == null ? "" : "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n") + "\r\n";
            write(channel, head.getBytes(StandardCharsets.US_ASCII));
            write(channel, body);
        } catch (IOException e) {
            throw new EngineException("POST " + path + ": " + e.getMessage(), e);
        }
        InputStream in = new ChannelInput(channel);
        try {
            String status = line(in);
            String contentLength = null;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) contentLength = header.substring(15).strip();
            }
            if (!status.contains(" 101 ") && !status.contains(" 200 ")) {
                byte[] error = contentLength == null ? new byte[0] : in.readNBytes(Integer.parseInt(contentLength));
                channel.close();
                throw new EngineException("POST " + path + ": " + status.replaceFirst("^HTTP/1\\.1 ", "") + " "
                        + EngineMessages.ofBody(new String(error, StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            throw new EngineException("POST " + path + ": " + e.getMessage(), e);
        }
        Thread reader = new Thread(() -> pumpOut(in, tty, stdout, stderr), "jcompose-attach-out");
        reader.setDaemon(true);
        reader.start();
        Thread writer = null;
        if (stdin != null) {
            writer = new Thread(() -> pumpIn(channel, stdin), "jcompose-attach-in");
            writer.setDaemon(true);
            writer.start();
        }
        return new Hijacked(channel, reader, writer);
    }

    private static void pumpIn(SocketChannel channel, InputStream stdin) {
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = stdin.read(buf)) >= 0; ) if (n > 0) write(channel, java.util.Arrays.copyOf(buf, n));
            channel.shutdownOutput(); // the end of the input: the container's input ends too
        } catch (IOException e) {
            // the container went away first; its output side says how it ended
        }
    }

    private static void pumpOut(InputStream in, boolean tty, Consumer<byte[]> stdout, Consumer<byte[]> stderr) {
        try {
            if (tty) {
                byte[] buf = new byte[8192];
                for (int n; (n = in.read(buf)) >= 0; ) if (n > 0) stdout.accept(java.util.Arrays.copyOf(buf, n));
                return;
            }
            while (true) {
                byte[] header = in.readNBytes(8);
                if (header.length < 8) return;
                int size = ByteBuffer.wrap(header, 4, 4).getInt();
                byte[] payload = in.readNBytes(size);
                (header[0] == 2 ? stderr : stdout).accept(payload);
            }
        } catch (IOException e) {
            // closed: the stream is over
        }
    }

    @Override
    public void awaitEnd(long millis) {
        try {
            reader.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // going away anyway
        }
        if (writer != null) writer.interrupt();
    }

    private static void write(SocketChannel channel, byte[] bytes) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        while (b.hasRemaining()) channel.write(b);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) if (c != '\r') out.write(c);
        return out.toString(StandardCharsets.US_ASCII);
    }

    /**
     * Reads the channel without the channel-stream adapter of the JDK, which locks out writes while a read waits:
     * output is read here while input is written from another thread.
     */
    private static final class ChannelInput extends InputStream {
        private final SocketChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocate(16384).flip();

        ChannelInput(SocketChannel channel) {
            this.channel = channel;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) return -1;
            return buffer.get() & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (!fill()) return -1;
            int n = Math.min(len, buffer.remaining());
            buffer.get(b, off, n);
            return n;
        }

        private boolean fill() throws IOException {
            if (buffer.hasRemaining()) return true;
            buffer.clear();
            int n = channel.read(buffer);
            buffer.flip();
            return n > 0 || (n == 0 && fill());
        }
    }
}
