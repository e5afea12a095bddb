package dev.jcompose.spec.bind;

import dev.jcompose.spec.ComposeException;
import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.Location;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.TextFiles;
import dev.jcompose.spec.env.DotEnv;
import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Binds one service's canonical tree to a {@link Service}, reporting every problem it meets. */
final class ServiceBinder {
    private static final Pattern RESTART = Pattern.compile("no|always|unless-stopped|on-failure(:\\d{1,9})?");

    private final Nodes nodes;
    private final Path projectDir;
    private final Map<String, String> env;

    private final boolean resolvePaths;
    private final ContainerOptionsBinder options;
    private final VolumesBinder volumes;
    private final NetworkAttachmentsBinder networks;
    private final DeployBinder deploy;
    /** The load's warnings, where what a file asks is read but cannot be honoured. */
    private final List<String> warnings;

    ServiceBinder(Nodes nodes, Path projectDir, Map<String, String> env, boolean resolvePaths, List<String> warnings) {
        this.nodes = nodes;
        this.projectDir = projectDir;
        this.env = env;
        this.resolvePaths = resolvePaths;
        this.options = new ContainerOptionsBinder(nodes, projectDir, env);
        this.volumes = new VolumesBinder(nodes, projectDir, env.get("HOME"), resolvePaths, warnings);
        this.networks = new NetworkAttachmentsBinder(nodes);
        this.deploy = new DeployBinder(nodes);
        this.warnings = warnings;
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
                Shape shape = UnmodelledShapes.SERVICE.get(key);
                if (shape != null && !(e.value() instanceof ScalarNode sc && sc.isNull())) {
                    shape.check(e.value(), p + "." + key, nodes.problems());
                }
                extras.put(key, e.value().toPlain());
            }
        }
        String image = nodes.string(svc.get("image"), p, "image");
        Object build = build(svc.get("build"), p);
        int scale = scale(svc, p, extras);
        canonicalUnits(svc, p, extras);
        String containerName = nodes.string(svc.get("container_name"), p, "container_name");
        String restart = nodes.string(svc.get("restart"), p, "restart");
        if (restart != null && !RESTART.matcher(restart).matches()) {
            nodes.problems().add(svc.get("restart"), p + ".restart", "invalid restart policy \"" + restart + "\"",
                    "use no, always, on-failure[:N] or unless-stopped");
        }
        Boolean init = nodes.bool(svc.get("init"), p, "init");
        Boolean tty = nodes.bool(svc.get("tty"), p, "tty");
        Boolean stdinOpen = nodes.bool(svc.get("stdin_open"), p, "stdin_open");
        return new Service(name, image, build,
                argv(svc.get("command"), p + ".command"),
                argv(svc.get("entrypoint"), p + ".entrypoint"),
                environment(svc, p, extras),
                ports(svc.get("ports"), p + ".ports"),
                volumes.bind(svc.get("volumes"), p + ".volumes"),
                networks.bind(svc.get("networks"), p + ".networks"),
                dependsOn(svc.get("depends_on"), p + ".depends_on"),
                labels(svc, p, extras),
                restart, containerName,
                nodes.string(svc.get("working_dir"), p, "working_dir"),
                nodes.string(svc.get("user"), p, "user"),
                nodes.string(svc.get("hostname"), p, "hostname"),
                init, Boolean.TRUE.equals(tty), Boolean.TRUE.equals(stdinOpen), scale,
                nodes.stringOrList(svc.get("profiles"), p, "profiles"), options.bind(svc, p), IgnoredAttributes.of(svc, p), extras,
                deploy.bind(svc, p), locations(svc));
    }

    /**
     * Where each attribute and each of its items or keys stands ({@code volumes[0]}, {@code deploy.placement}), for
     * the warnings made after the load; two levels are what those warnings name.
     */
    private static SortedMap<String, Location> locations(MapNode svc) {
        SortedMap<String, Location> out = new TreeMap<>();
        for (MapNode.Entry e : svc.entries()) {
            out.put(e.key(), e.keyLocation());
            if (e.value() instanceof MapNode m) {
                for (MapNode.Entry sub : m.entries()) out.put(e.key() + "." + sub.key(), sub.keyLocation());
            } else if (e.value() instanceof ListNode list) {
                for (int i = 0; i < list.items().size(); i++) out.put(e.key() + "[" + i + "]", list.items().get(i).location());
            }
        }
        return out;
    }

    private static final List<String[]> DURATIONS = keys("healthcheck.interval", "healthcheck.timeout",
            "healthcheck.start_period", "healthcheck.start_interval", "stop_grace_period",
            "deploy.restart_policy.delay", "deploy.restart_policy.window", "deploy.update_config.delay",
            "deploy.update_config.monitor", "deploy.rollback_config.delay", "deploy.rollback_config.monitor");
    private static final List<String[]> MEMORY = keys("deploy.resources.limits.memory", "deploy.resources.reservations.memory");
    private static final List<String[]> CPUS = keys("deploy.resources.limits.cpus", "deploy.resources.reservations.cpus");

    /** Dotted paths split once, not once per service. */
    private static List<String[]> keys(String... dotted) {
        List<String[]> out = new ArrayList<>();
        for (String d : dotted) out.add(d.split("\\."));
        return List.copyOf(out);
    }

    /** Durations as Go prints them, deploy memory in bytes and cpus as numbers: the forms compose prints. */
    private void canonicalUnits(MapNode svc, String p, SortedMap<String, Object> extras) {
        for (String[] path : DURATIONS) convert(extras, path, v -> Units.goDuration(Units.nanos(v)), svc, p);
        for (String[] path : MEMORY) convert(extras, path, v -> String.valueOf(Units.bytes(v)), svc, p);
        for (String[] path : CPUS) convert(extras, path, v -> {
            try {
                return Double.valueOf(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("invalid number of cpus \"" + v + "\"");
            }
        }, svc, p);
    }

    @SuppressWarnings("unchecked")
    private void convert(SortedMap<String, Object> extras, String[] keys, Function<String, Object> fn,
                         MapNode svc, String p) {
        Object at = extras;
        for (int i = 0; i < keys.length - 1; i++) {
            if (!(at instanceof Map<?, ?> m)) return;
            at = m.get(keys[i]);
        }
        if (!(at instanceof Map<?, ?> parent) || parent.get(keys[keys.length - 1]) == null) return;
        Object value = parent.get(keys[keys.length - 1]);
        if (value instanceof Map || value instanceof List) return; // wrong types are the validation's to report
        try {
            ((Map<String, Object>) parent).put(keys[keys.length - 1], fn.apply(String.valueOf(value)));
        } catch (IllegalArgumentException e) {
            // the typed binders (healthcheck, lifecycle, resources, deploy) report a bad value at its own line
        }
    }

    /** The build section as plain values, its local context resolved against the project directory. */
    private Object build(YamlNode node, String p) {
        if (node == null) return null;
        if (node instanceof MapNode b) {
            // checked here, where the line is known: the build reads it later as plain values
            nodes.bytes(b.get("shm_size"), p + ".build.shm_size");
        }
        Object plain = node.toPlain();
        if (plain instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> build = (Map<String, Object>) m;
            if (!build.containsKey("context")) build.put("context", "."); // the spec's default
            if (build.get("args") instanceof Map<?, ?> a) {
                // ARG with no value takes the value of the environment compose runs in, as compose resolves it
                @SuppressWarnings("unchecked")
                Map<String, Object> args = (Map<String, Object>) a;
                args.replaceAll((k, v) -> v == null && env.containsKey(k) ? env.get(k) : v);
            }
            if (resolvePaths && build.get("context") instanceof String context && isLocal(context)) {
                build.put("context", projectDir.resolve(context).normalize().toString());
            }
            if (resolvePaths && build.get("additional_contexts") instanceof Map<?, ?> contexts) {
                @SuppressWarnings("unchecked")
                Map<String, Object> resolved = (Map<String, Object>) contexts;
                resolved.replaceAll((k, v) -> v instanceof String s && isLocal(s) && !s.contains(":")
                        ? projectDir.resolve(s).normalize().toString() : v);
            }
        }
        return plain;
    }

    /** A context that is a folder, not a Git or HTTP URL. */
    private static boolean isLocal(String context) {
        return !context.contains("://") && !context.startsWith("git@") && !context.startsWith("github.com/");
    }

    private int scale(MapNode svc, String p, SortedMap<String, Object> extras) {
        Integer scale = nodes.integer(svc.get("scale"), p, "scale");
        Integer replicas = null;
        if (svc.get("deploy") instanceof MapNode deploy) {
            replicas = nodes.integer(deploy.get("replicas"), p + ".deploy.replicas");

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

    private SortedMap<String, String> environment(MapNode svc, String p, SortedMap<String, Object> extras) {
        SortedMap<String, String> out = new TreeMap<>();
        List<Map<String, Object>> shown = new ArrayList<>();
        for (String[] file : envFiles(svc.get("env_file"), p + ".env_file")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", file[0]);
            if (file[1] != null) entry.put("required", false);
            shown.add(entry);
            if (file[1] == null || Files.exists(Path.of(file[0]))) out.putAll(readEnvFile(svc, p, file[0], "env_file"));
        }
        if (!shown.isEmpty()) extras.put("env_file", shown);
        MapNode map = nodes.map(svc.get("environment"), p, "environment");
        if (map == null) return out;
        for (MapNode.Entry e : map.entries()) {
            YamlNode v = e.value();
            if (v instanceof ScalarNode sc && sc.isNull()) {
                // KEY with no value takes the value of the environment compose runs in, and is left out without one
                String inherited = env.get(e.key());
                if (inherited != null) out.put(e.key(), inherited);
                else out.remove(e.key());
            } else {
                String s = v instanceof ScalarNode sc ? sc.value() : nodes.string(v, p + ".environment." + e.key());
                if (s != null) out.put(e.key(), s);
            }
        }
        return out;
    }

    /** env_file as a string, a list, or a list of {path, required}: {resolved path, "optional" or null}. */
    private List<String[]> envFiles(YamlNode node, String path) {
        List<String[]> out = new ArrayList<>();
        if (node == null) return out;
        List<YamlNode> items = node instanceof ListNode list ? list.items() : List.of(node);
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = path + "[" + i + "]";
            if (item instanceof MapNode m) {
                String file = nodes.string(m.get("path"), itemPath + ".path");
                Boolean required = nodes.bool(m.get("required"), itemPath + ".required");
                if (file == null) continue;
                out.add(new String[] {projectDir.resolve(file).normalize().toString(), Boolean.FALSE.equals(required) ? "optional" : null});
            } else {
                String file = nodes.string(item, itemPath);
                if (file != null) out.add(new String[] {projectDir.resolve(file).normalize().toString(), null});
            }
        }
        return out;
    }

    private Map<String, String> readEnvFile(MapNode svc, String p, String file, String key) {
        String what = key.equals("env_file") ? "env file " : "label file ";
        if (!Files.exists(Path.of(file))) {
            nodes.problems().add(svc.get(key), p + "." + key, what + file + " not found",
                    key.equals("env_file") ? "create it, or use the long syntax with required: false" : "create it, or remove it from label_file");
            return Map.of();
        }
        try {
            return DotEnv.parse(file, TextFiles.read(Path.of(file), TextFiles.ENV_FILE), env);
        } catch (ComposeException e) {
            for (Diagnostic d : e.diagnostics()) {
                // a problem of the whole file (too big, not a file) has no line of its own: name the line that uses it
                if (d.location().line() > 0) nodes.problems().add(d);
                else nodes.problems().add(svc.get(key), p + "." + key, what + file + " " + d.message(), d.hint());
            }
        }
        return Map.of();
    }

    /** label_file entries (the .env format) under the labels written in the file, which win. */
    private SortedMap<String, String> labels(MapNode svc, String p, SortedMap<String, Object> extras) {
        SortedMap<String, String> out = new TreeMap<>();
        List<String> shown = new ArrayList<>();
        for (String file : nodes.stringOrList(svc.get("label_file"), p, "label_file")) {
            String resolved = resolvePaths ? projectDir.resolve(file).normalize().toString() : file;
            shown.add(resolved);
            out.putAll(readEnvFile(svc, p, projectDir.resolve(file).normalize().toString(), "label_file"));
        }
        if (!shown.isEmpty()) extras.put("label_file", shown);
        out.putAll(nodes.stringMap(svc.get("labels"), p, "labels"));
        return out;
    }

    private List<PortConfig> ports(YamlNode node, String path) {
        List<PortConfig> out = new ArrayList<>();
        nodes.eachItem(node, path, (item, itemPath) -> {
            if (item instanceof MapNode m) {
                out.addAll(longPort(m, itemPath));
            } else {
                String spec = nodes.string(item, itemPath);
                if (spec != null) out.addAll(PortSyntax.parse(spec));
            }
        });
        return out;
    }

    private List<PortConfig> longPort(MapNode m, String path) {
        Integer target = nodes.integer(m.get("target"), path + ".target");
        if (target == null) throw new IllegalArgumentException("a port needs a target");
        String published = nodes.string(m.get("published"), path + ".published");
        String hostIp = nodes.string(m.get("host_ip"), path + ".host_ip");
        String protocol = nodes.string(m.get("protocol"), path + ".protocol");
        String mode = nodes.string(m.get("mode"), path + ".mode");
        if (mode != null && !mode.equals("host") && !mode.equals("ingress")) {
            // a swarm takes only these two; a single engine publishes on the host whichever is written
            nodes.problems().add(m.get("mode"), path + ".mode", "invalid port mode \"" + mode + "\"", "use host or ingress");
            mode = null;
        }
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
            String condition = nodes.string(config.get("condition"), p, "condition");
            if (condition == null) condition = ServiceDependency.STARTED;
            if (!List.of(ServiceDependency.STARTED, ServiceDependency.HEALTHY, ServiceDependency.COMPLETED).contains(condition)) {
                nodes.problems().add(config.get("condition"), p + ".condition", "invalid condition \"" + condition + "\"",
                        "use service_started, service_healthy or service_completed_successfully");
            }
            Boolean restart = nodes.bool(config.get("restart"), p, "restart");
            Boolean required = nodes.bool(config.get("required"), p, "required");
            out.put(e.key(), new ServiceDependency(condition, Boolean.TRUE.equals(restart), !Boolean.FALSE.equals(required)));
        }
        return out;
    }
}
