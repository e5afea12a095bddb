package dev.jcompose.spec.bind;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.env.DotEnv;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import dev.jcompose.spec.model.ServiceNetwork;
import dev.jcompose.spec.model.ServiceVolume;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** Binds one service's canonical tree to a {@link Service}, reporting every problem it meets. */
final class ServiceBinder {
    private static final Pattern RESTART = Pattern.compile("no|always|unless-stopped|on-failure(:\\d+)?");

    private final Nodes nodes;
    private final Path projectDir;
    private final Map<String, String> env;

    private final boolean resolvePaths;

    ServiceBinder(Nodes nodes, Path projectDir, Map<String, String> env, boolean resolvePaths) {
        this.nodes = nodes;
        this.projectDir = projectDir;
        this.env = env;
        this.resolvePaths = resolvePaths;
    }

    Service bind(String name, MapNode svc) {
        String p = "services." + name;
        SortedMap<String, Object> extras = new TreeMap<>();
        for (MapNode.Entry e : svc.entries()) {
            String key = e.key();
            if (key.startsWith("x-")) {
                extras.put(key, e.value().toPlain());
            } else if (!ServiceKeys.ALL.contains(key)) {
                nodes.problems().add(new Diagnostic(e.keyLocation(), p + "." + key, "unknown attribute \"" + key + "\"",
                        Suggestions.didYouMean(key, ServiceKeys.ALL)));
            } else if (!ServiceKeys.BOUND.contains(key)) {
                extras.put(key, e.value().toPlain());
            }
        }
        String image = nodes.string(svc.get("image"), p + ".image");
        Object build = build(svc.get("build"));
        if (image == null && build == null) {
            nodes.problems().add(svc, p, "has neither an image nor a build context specified",
                    "add \"image: <name>\" or \"build: <dir>\"");
        }
        int scale = scale(svc, p, extras);
        String containerName = nodes.string(svc.get("container_name"), p + ".container_name");
        if (containerName != null && scale > 1) {
            nodes.problems().add(svc.get("container_name"), p + ".container_name",
                    "cannot be set when the service is scaled to " + scale + " containers",
                    "container names are unique: remove container_name or set scale to 1");
        }
        String restart = nodes.string(svc.get("restart"), p + ".restart");
        if (restart != null && !RESTART.matcher(restart).matches()) {
            nodes.problems().add(svc.get("restart"), p + ".restart", "invalid restart policy \"" + restart + "\"",
                    "use no, always, on-failure[:N] or unless-stopped");
        }
        Boolean init = nodes.bool(svc.get("init"), p + ".init");
        Boolean tty = nodes.bool(svc.get("tty"), p + ".tty");
        Boolean stdinOpen = nodes.bool(svc.get("stdin_open"), p + ".stdin_open");
        return new Service(name, image, build,
                argv(svc.get("command"), p + ".command"),
                argv(svc.get("entrypoint"), p + ".entrypoint"),
                environment(svc, p),
                ports(svc.get("ports"), p + ".ports"),
                volumes(svc.get("volumes"), p + ".volumes"),
                networks(svc.get("networks"), p + ".networks"),
                dependsOn(svc.get("depends_on"), p + ".depends_on"),
                nodes.stringMap(svc.get("labels"), p + ".labels"),
                restart, containerName,
                nodes.string(svc.get("working_dir"), p + ".working_dir"),
                nodes.string(svc.get("user"), p + ".user"),
                nodes.string(svc.get("hostname"), p + ".hostname"),
                init, Boolean.TRUE.equals(tty), Boolean.TRUE.equals(stdinOpen), scale,
                nodes.stringOrList(svc.get("profiles"), p + ".profiles"), extras);
    }

    /** The build section as plain values, its local context resolved against the project directory. */
    private Object build(YamlNode node) {
        if (node == null) return null;
        Object plain = node.toPlain();
        if (resolvePaths && plain instanceof Map<?, ?> m && m.get("context") instanceof String context && isLocal(context)) {
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) m;
            build.put("context", projectDir.resolve(context).normalize().toString());
        }
        return plain;
    }

    /** A context that is a folder, not a Git or HTTP URL. */
    private static boolean isLocal(String context) {
        return !context.contains("://") && !context.startsWith("git@") && !context.startsWith("github.com/");
    }

    private int scale(MapNode svc, String p, SortedMap<String, Object> extras) {
        Integer scale = nodes.integer(svc.get("scale"), p + ".scale");
        Integer replicas = null;
        if (svc.get("deploy") instanceof MapNode deploy) {
            replicas = nodes.integer(deploy.get("replicas"), p + ".deploy.replicas");
            // replicas is acted on; the rest of deploy is kept for config but not applied yet
            if (deploy.size() == 1 && replicas != null) extras.remove("deploy");
        }
        if (scale != null && replicas != null && !scale.equals(replicas)) {
            nodes.problems().add(svc.get("scale"), p + ".scale",
                    "scale (" + scale + ") and deploy.replicas (" + replicas + ") disagree", "keep one of them");
        }
        int result = scale != null ? scale : replicas != null ? replicas : 1;
        if (result < 0) {
            nodes.problems().add(svc.get(scale != null ? "scale" : "deploy"), p + ".scale", "must not be negative");
            return 1;
        }
        return result;
    }

    private List<String> argv(YamlNode node, String path) {
        if (node == null || (node instanceof ScalarNode sc && sc.isNull())) return null;
        if (node instanceof ListNode) return nodes.strings(node, path);
        String line = nodes.string(node, path);
        if (line == null) return null;
        try {
            return ShellWords.split(line);
        } catch (IllegalArgumentException e) {
            nodes.problems().add(node, path, e.getMessage() + " in \"" + line + "\"");
            return null;
        }
    }

    private SortedMap<String, String> environment(MapNode svc, String p) {
        SortedMap<String, String> out = new TreeMap<>();
        for (String file : envFiles(svc.get("env_file"), p + ".env_file")) out.putAll(file == null ? Map.of() : readEnvFile(svc, p, file));
        MapNode map = nodes.map(svc.get("environment"), p + ".environment");
        if (map == null) return out;
        for (MapNode.Entry e : map.entries()) {
            YamlNode v = e.value();
            if (v instanceof ScalarNode sc && sc.isNull()) {
                // KEY with no value takes the value of the environment compose runs in, and is left out without one
                String inherited = env.get(e.key());
                if (inherited != null) out.put(e.key(), inherited);
                else out.remove(e.key());
            } else {
                String s = nodes.string(v, p + ".environment." + e.key());
                if (s != null) out.put(e.key(), s);
            }
        }
        return out;
    }

    /** env_file as a string, a list of strings, or a list of {path, required}; a missing optional file reads as null. */
    private List<String> envFiles(YamlNode node, String path) {
        List<String> out = new ArrayList<>();
        if (node == null) return out;
        List<YamlNode> items = node instanceof ListNode list ? list.items() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = path + "[" + i + "]";
            if (item instanceof MapNode m) {
                String file = nodes.string(m.get("path"), itemPath + ".path");
                Boolean required = nodes.bool(m.get("required"), itemPath + ".required");
                if (file == null) continue;
                Path resolved = projectDir.resolve(file).normalize();
                out.add(Boolean.FALSE.equals(required) && !Files.exists(resolved) ? null : resolved.toString());
            } else {
                String file = nodes.string(item, itemPath);
                if (file != null) out.add(projectDir.resolve(file).normalize().toString());
            }
        }
        return out;
    }

    private Map<String, String> readEnvFile(MapNode svc, String p, String file) {
        try {
            return DotEnv.parse(file, Files.readString(Path.of(file)), env);
        } catch (IOException e) {
            nodes.problems().add(svc.get("env_file"), p + ".env_file", "env file " + file + " not found",
                    "create it, or use the long syntax with required: false");
        } catch (ComposeException e) {
            nodes.problems().addAll(e.diagnostics());
        }
        return Map.of();
    }

    private List<PortConfig> ports(YamlNode node, String path) {
        List<PortConfig> out = new ArrayList<>();
        if (node == null) return out;
        if (!(node instanceof ListNode list)) {
            nodes.problems().add(node, path, "must be a list, found " + node.kindName());
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = path + "[" + i + "]";
            try {
                if (item instanceof MapNode m) {
                    out.addAll(longPort(m, itemPath));
                } else {
                    String spec = nodes.string(item, itemPath);
                    if (spec != null) out.addAll(PortSyntax.parse(spec));
                }
            } catch (IllegalArgumentException e) {
                nodes.problems().add(item, itemPath, e.getMessage());
            }
        }
        return out;
    }

    private List<PortConfig> longPort(MapNode m, String path) {
        Integer target = nodes.integer(m.get("target"), path + ".target");
        if (target == null) throw new IllegalArgumentException("a port needs a target");
        String published = nodes.string(m.get("published"), path + ".published");
        String hostIp = nodes.string(m.get("host_ip"), path + ".host_ip");
        String protocol = nodes.string(m.get("protocol"), path + ".protocol");
        String mode = nodes.string(m.get("mode"), path + ".mode");
        PortSyntax.port(String.valueOf(target), String.valueOf(target));
        List<PortConfig> out = new ArrayList<>();
        if (published == null || published.isEmpty()) {
            out.add(new PortConfig(hostIp, null, target, protocol, mode));
            return out;
        }
        int[] range = PortSyntax.range(published, published);
        for (int port = range[0]; port <= range[1]; port++) out.add(new PortConfig(hostIp, port, target, protocol, mode));
        return out;
    }

    private List<ServiceVolume> volumes(YamlNode node, String path) {
        List<ServiceVolume> out = new ArrayList<>();
        if (node == null) return out;
        if (!(node instanceof ListNode list)) {
            nodes.problems().add(node, path, "must be a list, found " + node.kindName());
            return out;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String itemPath = path + "[" + i + "]";
            try {
                if (item instanceof MapNode m) {
                    ServiceVolume v = longVolume(m, itemPath);
                    if (v != null) out.add(v);
                } else {
                    String spec = nodes.string(item, itemPath);
                    if (spec != null) out.add(VolumeSyntax.parse(spec, resolvePaths ? projectDir : null, env.get("HOME")));
                }
            } catch (IllegalArgumentException e) {
                nodes.problems().add(item, itemPath, e.getMessage());
            }
        }
        return out;
    }

    private ServiceVolume longVolume(MapNode m, String path) {
        String type = nodes.string(m.get("type"), path + ".type");
        String source = nodes.string(m.get("source"), path + ".source");
        String target = nodes.string(m.get("target"), path + ".target");
        Boolean readOnly = nodes.bool(m.get("read_only"), path + ".read_only");
        if (type == null) type = source != null && VolumeSyntax.isPath(source) ? ServiceVolume.BIND : ServiceVolume.VOLUME;
        if (!List.of(ServiceVolume.VOLUME, ServiceVolume.BIND, ServiceVolume.TMPFS).contains(type)) {
            nodes.problems().add(m.get("type"), path + ".type", "unsupported mount type \"" + type + "\"",
                    "use volume, bind or tmpfs");
            return null;
        }
        if (target == null || !target.startsWith("/")) {
            nodes.problems().add(m, path + ".target", "a mount needs an absolute target path");
            return null;
        }
        if (type.equals(ServiceVolume.BIND)) {
            if (source == null) {
                nodes.problems().add(m, path + ".source", "a bind mount needs a source path");
                return null;
            }
            if (resolvePaths) source = VolumeSyntax.resolve(source, projectDir, env.get("HOME"));
        }
        return new ServiceVolume(type, source, target, Boolean.TRUE.equals(readOnly));
    }

    private SortedMap<String, ServiceNetwork> networks(YamlNode node, String path) {
        SortedMap<String, ServiceNetwork> out = new TreeMap<>();
        MapNode m = nodes.map(node, path);
        if (m == null) return out;
        for (MapNode.Entry e : m.entries()) {
            String p = path + "." + e.key();
            MapNode config = nodes.map(e.value(), p);
            if (config == null) {
                out.put(e.key(), ServiceNetwork.plain());
                continue;
            }
            Integer priority = nodes.integer(config.get("priority"), p + ".priority");
            out.put(e.key(), new ServiceNetwork(nodes.strings(config.get("aliases"), p + ".aliases"),
                    nodes.string(config.get("ipv4_address"), p + ".ipv4_address"), priority == null ? 0 : priority));
        }
        return out;
    }

    private SortedMap<String, ServiceDependency> dependsOn(YamlNode node, String path) {
        SortedMap<String, ServiceDependency> out = new TreeMap<>();
        MapNode m = nodes.map(node, path);
        if (m == null) return out;
        for (MapNode.Entry e : m.entries()) {
            String p = path + "." + e.key();
            MapNode config = nodes.map(e.value(), p);
            if (config == null) {
                out.put(e.key(), ServiceDependency.started());
                continue;
            }
            String condition = nodes.string(config.get("condition"), p + ".condition");
            if (condition == null) condition = ServiceDependency.STARTED;
            if (!List.of(ServiceDependency.STARTED, ServiceDependency.HEALTHY, ServiceDependency.COMPLETED).contains(condition)) {
                nodes.problems().add(config.get("condition"), p + ".condition", "invalid condition \"" + condition + "\"",
                        "use service_started, service_healthy or service_completed_successfully");
            }
            Boolean restart = nodes.bool(config.get("restart"), p + ".restart");
            Boolean required = nodes.bool(config.get("required"), p + ".required");
            out.put(e.key(), new ServiceDependency(condition, Boolean.TRUE.equals(restart), !Boolean.FALSE.equals(required)));
        }
        return out;
    }
}
