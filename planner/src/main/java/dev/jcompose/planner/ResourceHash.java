package dev.jcompose.planner;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The config hash docker compose also puts on networks and volumes ({@code com.docker.compose.config-hash}): when
 * the file's definition no longer matches the hash on the engine's object, the object is out of date. Computed over
 * the record's text form ({@link RecordText}, the same text as its toString()), whose maps are sorted, so the same
 * definition always gives the same hash.
 */
final class ResourceHash {
    private ResourceHash() {}

    static String of(Record spec) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(RecordText.of(spec).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
