package dev.jcompose.executor.docker;

import static dev.jcompose.executor.docker.Transport.pathSegment;

import dev.jcompose.executor.ArchiveReader;
import dev.jcompose.executor.ContainerPath;
import dev.jcompose.executor.EngineException;
import dev.jcompose.executor.docker.Transport.NotFound;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The archive calls docker cp makes: what is at a container's path, a tar of it, a tar extracted into it. */
final class ArchiveCalls {
    private static final String STAT_HEADER = "X-Docker-Container-Path-Stat";

    private final Transport transport;
    private final EngineJson json = new EngineJson();

    ArchiveCalls(Transport transport) {
        this.transport = transport;
    }

    Optional<ContainerPath> stat(String container, String path) {
        try {
            return Optional.of(transport.call("stat " + container + ":" + path, () -> transport.exchange("HEAD",
                    archivePath(container, path), null, null, r -> stat(r.getHeader(STAT_HEADER)))));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    void copyFrom(String container, String path, ArchiveReader reader) {
        transport.stream("copy from " + container + ":" + path, () -> transport.exchangeStreaming("GET", archivePath(container, path), null, null, r -> {
            reader.read(stat(r.getHeader(STAT_HEADER)), r.getBody());
            return null;
        }));
    }

    void copyTo(String container, String directory, InputStream tar, boolean copyUidGid) {
        // as docker cp: a directory never replaces a file, nor a file a directory
        String path = archivePath(container, directory) + "&noOverwriteDirNonDir=true" + (copyUidGid ? "&copyUIDGID=true" : "");
        transport.stream("copy to " + container + ":" + directory, () -> transport.exchangeStreaming("PUT", path, tar, "application/x-tar", r -> null));
    }

    private static String archivePath(String container, String path) {
        return "/containers/" + pathSegment(container) + "/archive?path=" + pathSegment(path);
    }

    /** The header's base64 JSON: {@code {"name":..,"size":..,"mode":..,"mtime":..,"linkTarget":..}}. */
    private ContainerPath stat(String header) {
        if (header == null) throw new EngineException("the engine sent no " + STAT_HEADER + " header");
        try {
            Object stat = json.read(new String(Base64.getDecoder().decode(header.strip()), StandardCharsets.UTF_8));
            return new ContainerPath(EngineJson.string(stat, "name"), EngineJson.number(stat, "size"),
                    EngineJson.number(stat, "mode"), EngineJson.string(stat, "linkTarget"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new EngineException("the engine's " + STAT_HEADER + " header is not base64: " + header);
        }
    }
}
