package dev.jcompose.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The sample's few lines of RESP, against the protocol's own examples. */
class RedisTest {
    private static Object read(String wire) throws IOException {
        return Redis.read(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesCommandsAsArraysOfBulkStrings() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Redis.write(out, "RPUSH", "notes", "héllo");
        assertEquals("*3\r\n$5\r\nRPUSH\r\n$5\r\nnotes\r\n$6\r\nhéllo\r\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryReplyType() throws IOException {
        assertEquals("PONG", read("+PONG\r\n"));
        assertEquals(42L, read(":42\r\n"));
        assertEquals("a\r\nb", read("$4\r\na\r\nb\r\n"));
        assertEquals(null, read("$-1\r\n"));
        assertEquals(Arrays.asList("x", 1L, null), read("*3\r\n$1\r\nx\r\n:1\r\n$-1\r\n"));
        IOException e = assertThrows(IOException.class, () -> read("-NOAUTH Authentication required.\r\n"));
        assertEquals("redis: NOAUTH Authentication required.", e.getMessage());
    }
}
