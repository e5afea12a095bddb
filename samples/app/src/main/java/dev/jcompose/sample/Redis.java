package dev.jcompose.sample;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Just enough of the Redis protocol (RESP2) for the sample: one connection per call, commands as arrays of bulk
 * strings, replies read back as String, Long, List or an error. A sample keeps its image free of client libraries.
 */
final class Redis {
    private final String host;
    private final int port;
    private final String password;

    Redis(String host, int port, String password) {
        this.host = host;
        this.port = port;
        this.password = password;
    }

    Object call(String... command) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 2000);
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            if (password != null && !password.isEmpty()) {
                write(out, "AUTH", password);
                read(in);
            }
            write(out, command);
            return read(in);
        }
    }

    static void write(OutputStream out, String... args) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        buf.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String a : args) {
            byte[] b = a.getBytes(StandardCharsets.UTF_8);
            buf.write(("$" + b.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            buf.write(b);
            buf.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(buf.toByteArray());
        out.flush();
    }

    static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+': return line;
            case '-': throw new IOException("redis: " + line);
            case ':': return Long.parseLong(line);
            case '$': {
                int n = Integer.parseInt(line);
                if (n < 0) return null;
                byte[] b = in.readNBytes(n);
                line(in);
                return new String(b, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(line);
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < n; i++) out.add(read(in));
                return out;
            }
            default: throw new IOException("redis: unexpected reply type " + type);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\r') {
                in.read();
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
