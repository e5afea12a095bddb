package dev.jcompose.api;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** This machine's name, for the owner label: read from the kernel, not looked up in DNS (which can take seconds). */
final class Hosts {
    private Hosts() {}

    static String localName() {
        try {
            String name = Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
            if (!name.isEmpty()) return name.replace('/', '_');
        } catch (IOException | RuntimeException e) {
            // not Linux: the JDK's name below
        }
        try {
            return InetAddress.getLocalHost().getHostName().replace('/', '_');
        } catch (IOException e) {
            return "localhost";
        }
    }
}
