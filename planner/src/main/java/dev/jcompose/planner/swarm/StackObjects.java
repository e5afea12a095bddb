package dev.jcompose.planner.swarm;

import dev.jcompose.planner.swarm.spec.ObjectSpec;
import dev.jcompose.spec.model.FileSource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The top-level configs and secrets as swarm objects. A swarm object cannot change ("only updates to Labels are
 * allowed"), so each is named by a hash of what it holds: {@code <project>_<name>_<hash>} (or {@code <name:>_<hash>}),
 * and a changed file is a new object that the services using it are updated to.
 */
final class StackObjects {
    /** Hex digits of the content hash in an object's name: swarm names are at most 64 characters. */
    private static final int HASH_LENGTH = 10;
    private static final Set<String> CONFIG_KEYS = Set.of("name", "file", "content", "environment", "external", "labels", "template_driver");
    private static final Set<String> SECRET_KEYS = Set.of("name", "file", "environment", "external", "labels", "driver",
            "driver_opts", "template_driver");

    final SortedMap<String, ObjectSpec> byName = new TreeMap<>();
    /** Compose key -> the swarm object name services refer to (hashed, or an external object's own). */
    final SortedMap<String, String> names = new TreeMap<>();
    final SortedSet<String> external = new TreeSet<>();

    static StackObjects of(ObjectSpec.Kind kind, Conversion c, ContentReader reader) {
        StackObjects out = new StackObjects();
        boolean config = kind == ObjectSpec.Kind.CONFIG;
        SortedMap<String, FileSource> sources = config ? c.project().configs() : c.project().secrets();
        Map<?, ?> plain = c.project().extensions().get(config ? "configs" : "secrets") instanceof Map<?, ?> m ? m : Map.of();
        String top = config ? "configs" : "secrets";
        for (Map.Entry<String, FileSource> e : sources.entrySet()) {
            String key = e.getKey();
            Map<?, ?> attributes = plain.get(key) instanceof Map<?, ?> a ? a : Map.of();
            if (e.getValue() instanceof FileSource.External ext) {
                out.external.add(ext.name());
                out.names.put(key, ext.name());
                continue;
            }
            for (Object k : attributes.keySet()) {
                String attribute = String.valueOf(k);
                if (!(config ? CONFIG_KEYS : SECRET_KEYS).contains(attribute) || attribute.startsWith("x-")) continue;
                if (attribute.equals("template_driver") || attribute.equals("driver") || attribute.equals("driver_opts")) {
                    c.warn(top + "." + key + "." + attribute, attribute + " is not implemented by jcompose's swarm deploy: ignored");
                }
            }
            String base = attributes.get("name") instanceof String n ? n : c.scope(key);
            byte[] data = content(e.getValue(), top + "." + key, c, reader);
            if (data == null) {
                out.names.put(key, base); // the error is the content's; the services that use it need not say more
                continue;
            }
            SortedMap<String, String> labels = labels(attributes.get("labels"));
            labels.put(StackLabels.NAMESPACE, c.namespace());
            labels.put(StackLabels.OBJECT_NAME, key);
            String name = base + "_" + hash(data, labels);
            out.byName.put(name, new ObjectSpec(kind, key, name, labels, data));
            out.names.put(key, name);
        }
        return out;
    }

    private static byte[] content(FileSource source, String path, Conversion c, ContentReader reader) {
        if (source instanceof FileSource.Content content) return content.text().getBytes(StandardCharsets.UTF_8);
        if (source instanceof FileSource.Environment env) {
            if (env.value() != null) return env.value().getBytes(StandardCharsets.UTF_8);
            c.error(path + ".environment", "the variable " + env.variable() + " is not set");
            return null;
        }
        FileSource.File file = (FileSource.File) source;
        try {
            return reader.read(Path.of(file.path()));
        } catch (NoSuchFileException ex) {
            c.error(path + ".file", "no such file: " + file.path());
            return null;
        } catch (IOException ex) {
            c.error(path + ".file", "cannot read " + file.path() + ": " + ex.getMessage());
            return null;
        }
    }

    private static SortedMap<String, String> labels(Object plain) {
        SortedMap<String, String> out = new TreeMap<>();
        if (plain instanceof Map<?, ?> m) m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        if (plain instanceof List<?> l) {
            for (Object o : l) {
                String kv = String.valueOf(o);
                int eq = kv.indexOf('=');
                out.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        return out;
    }

    /** Over the content and the labels: a label changed is a new object too (labels are part of what was asked). */
    private static String hash(byte[] data, SortedMap<String, String> labels) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data);
            digest.update((byte) 0);
            digest.update(labels.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, HASH_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
