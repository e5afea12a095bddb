package dev.jcompose.planner;

import dev.jcompose.spec.model.FileReference;
import dev.jcompose.spec.model.FileSource;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The config hash stored in each container's {@code com.docker.compose.config-hash} label: SHA-256 of the typed
 * service (its record text, whose maps are sorted, so the hash is stable across runs and across the ways a file can
 * write one value), without what does not change a container, as docker compose's {@code hash.go} clears it: build,
 * pull_policy, scale and deploy.replicas, depends_on, profiles. What the file says about its own lines (the
 * warnings' locations) and the printed forms kept for {@code config} are left out too; {@code x-*} extensions stay.
 */
public final class ConfigHasher {
    private ConfigHasher() {}

    /**
     * The hash of a service of a project: the service, and a digest of the content of each config and secret it is
     * given by content or environment (written into the container once, so a new content must make a new container;
     * a file is bound, and its changes show without one). Only digests are hashed: no secret's value is kept.
     */
    public static String hash(Project project, Service s) {
        StringBuilder contents = new StringBuilder();
        for (FileReference ref : s.options().secrets()) contents.append(digest(project.secrets().get(ref.source())));
        for (FileReference ref : s.options().configs()) contents.append(digest(project.configs().get(ref.source())));
        return contents.length() == 0 ? hash(s) : sha256(hash(s) + contents);
    }

    private static String digest(FileSource source) {
        if (source instanceof FileSource.Content c) return sha256(c.text()) + ";";
        if (source instanceof FileSource.Environment e) return sha256(String.valueOf(e.value())) + ";";
        return "-;";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String hash(Service s) {
        SortedMap<String, Object> extensions = new TreeMap<>();
        s.extras().forEach((k, v) -> {
            if (k.startsWith("x-")) extensions.put(k, v);
        });
        Service hashed = new Service(s.name(), s.image(), null, s.command(), s.entrypoint(), s.environment(), s.ports(),
                s.volumes(), s.networks(), new TreeMap<>(), s.labels(), s.restart(), s.containerName(), s.workingDir(),
                s.user(), s.hostname(), s.init(), s.tty(), s.stdinOpen(), 1, List.of(), s.options(), List.of(), extensions);
        return sha256(RecordText.of(hashed));
    }
}
