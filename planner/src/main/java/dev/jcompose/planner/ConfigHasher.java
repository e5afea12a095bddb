package dev.jcompose.planner;

import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.output.ProjectTree;
import dev.jcompose.spec.output.YamlWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The config hash stored in each container's {@code com.docker.compose.config-hash} label: SHA-256 of the
 * service's canonical form as {@code config} prints it, without what does not change a container (scale,
 * deploy.replicas, depends_on, profiles, build and pull settings, as docker compose's {@code hash.go} clears them). Keys are sorted, so the hash is stable across runs.
 */
public final class ConfigHasher {
    private ConfigHasher() {}

    public static String hash(Service service) {
        SortedMap<String, Object> tree = ProjectTree.service(service);
        tree.remove("scale");
        tree.remove("depends_on");
        tree.remove("profiles");
        tree.remove("build");
        tree.remove("pull_policy");
        // deploy.replicas is how many containers, not what each is: docker compose clears it too, so scaling never recreates
        if (tree.get("deploy") instanceof Map<?, ?> deploy && deploy.containsKey("replicas")) {
            Map<Object, Object> rest = new TreeMap<>(deploy);
            rest.remove("replicas");
            if (rest.isEmpty()) tree.remove("deploy");
            else tree.put("deploy", rest);
        }
        String canonical = YamlWriter.write(new LinkedHashMap<>(tree));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
