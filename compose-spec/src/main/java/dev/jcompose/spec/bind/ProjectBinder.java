package dev.jcompose.spec.bind;

import dev.jcompose.spec.Diagnostic;
import dev.jcompose.spec.LoadOptions;
import dev.jcompose.spec.Problems;
import dev.jcompose.spec.Suggestions;
import dev.jcompose.spec.model.FileSource;
import dev.jcompose.spec.model.NetworkConfig;
import dev.jcompose.spec.model.Project;
import dev.jcompose.spec.model.Service;
import dev.jcompose.spec.model.ServiceDependency;
import dev.jcompose.spec.model.ServiceNetwork;
import dev.jcompose.spec.model.ServiceVolume;
import dev.jcompose.spec.model.VolumeConfig;
import dev.jcompose.spec.yaml.ListNode;
import dev.jcompose.spec.yaml.MapNode;
import dev.jcompose.spec.yaml.ScalarNode;
import dev.jcompose.spec.yaml.YamlNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Binds the merged tree to a {@link Project}: services, top-level networks and volumes with their engine names,
 * the implicit {@code default} network, then the checks that need the whole project (unknown services in
 * depends_on, undefined networks and volumes). Every problem is collected; the load fails once, with all of them.
 */
public final class ProjectBinder {
    private static final Set<String> TOP_LEVEL = Set.of("version", "name", "services", "networks", "volumes",
            "secrets", "configs", "include", "models");
    /** The network keys the binder types; the others (enable_ipv4) stay plain, printed by config. */
    private static final Set<String> NETWORK_KEYS = Set.of("name", "driver", "driver_opts", "labels", "external",
            "internal", "attachable", "enable_ipv6", "ipam");
    private static final Set<String> VOLUME_KEYS = NestedKeys.VOLUME.keySet();
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]*");

    private final Problems problems;
    private final Nodes nodes;
    private final boolean normalize;
    private final boolean consistency;
    private final boolean resolvePaths;
    private final List<String> warnings;

    public ProjectBinder(Problems problems, LoadOptions options, List<String> warnings) {
        this.warnings = warnings;
        this.problems = problems;
        this.nodes = new Nodes(problems);
        this.normalize = !options.skips(LoadOptions.Skip.NORMALIZATION);
        this.consistency = !options.skips(LoadOptions.Skip.CONSISTENCY);
        this.resolvePaths = !options.skips(LoadOptions.Skip.PATH_RESOLUTION);
    }

    public Project bind(MapNode root, String name, Path projectDir, List<Path> files, Map<String, String> env) {
        SortedMap<String, Object> extensions = new TreeMap<>();
        for (MapNode.Entry e : root.entries()) {
            String key = e.key();
            if ((key.equals("secrets") || key.equals("configs")) && e.value() instanceof MapNode resources) {
                extensions.put(key, fileResources(key, resources, projectDir, env.get("HOME")));
            } else if (key.startsWith("x-") || key.equals("secrets") || key.equals("configs") || key.equals("models")) {
                extensions.put(key, e.value().toPlain());
            } else if (!TOP_LEVEL.contains(key)) {
                problems.add(new Diagnostic(e.keyLocation(), key, "unknown top-level attribute \"" + key + "\"",
                        Suggestions.didYouMean(key, TOP_LEVEL)));
            }
        }
        SortedMap<String, Service> services = services(root, projectDir, env);
        SortedMap<String, NetworkConfig> networks = networks(root.get("networks"), name);
        SortedMap<String, VolumeConfig> volumes = volumes(root.get("volumes"), name);
        boolean usesDefault = services.values().stream().anyMatch(s -> s.networks().containsKey("default"));
        if (normalize && usesDefault && !networks.containsKey("default")) {
            networks.put("default", new NetworkConfig(name + "_default", null, new TreeMap<>(), new TreeMap<>(), false, false, false, null, null, null));
        }
        if (consistency) {
            checkReferences(root, services, networks, volumes);
            checkServices(root, services);
        }
        SortedMap<String, FileSource> secrets = fileSources("secrets", root.get("secrets"), projectDir, env);
        SortedMap<String, FileSource> configs = fileSources("configs", root.get("configs"), projectDir, env);
        if (consistency) checkFileReferences(root, services, secrets, configs);
        return new Project(name, projectDir, files, services, networks, volumes, extensions, secrets, configs);
    }

    private SortedMap<String, Service> services(MapNode root, Path projectDir, Map<String, String> env) {
        SortedMap<String, Service> out = new TreeMap<>();
        MapNode services = nodes.map(root.get("services"), "services");
        if (services == null) return out;
        ServiceBinder binder = new ServiceBinder(nodes, projectDir, env, resolvePaths, warnings);
        for (MapNode.Entry e : services.entries()) {
            if (!SERVICE_NAME.matcher(e.key()).matches()) {
                problems.add(new Diagnostic(e.keyLocation(), "services." + e.key(), "invalid service name \"" + e.key() + "\"",
                        "use letters, digits, '.', '_' and '-', starting with a letter or digit"));
                continue;
            }
            MapNode svc = nodes.map(e.value(), "services." + e.key());
            if (svc == null) svc = MapNode.empty(e.keyLocation() == null ? root.location() : e.value().location());
            Service service = binder.bind(e.key(), svc);
            if (svc.has("network_mode") && svc.has("networks") && consistency) {
                problems.add(svc.get("network_mode"), "services." + e.key() + ".network_mode",
                        "network_mode and networks are mutually exclusive", "keep one of them");
            }
            if (normalize && service.networks().isEmpty() && !svc.has("network_mode")) {
                service = withDefaultNetwork(service);
            }
            if (normalize) service = ImpliedDependencies.add(service);
            out.put(e.key(), service);
        }
        return out;
    }

    private static Service withDefaultNetwork(Service s) {
        return s.withNetworks(new TreeMap<>(Map.of("default", ServiceNetwork.plain())));
    }

    private SortedMap<String, NetworkConfig> networks(YamlNode node, String project) {
        SortedMap<String, NetworkConfig> out = new TreeMap<>();
        MapNode m = nodes.map(node, "networks");
        if (m == null) return out;
        for (MapNode.Entry e : m.entries()) {
            String p = "networks." + e.key();
            MapNode c = nodes.map(e.value(), p);
            if (c == null) c = MapNode.empty(e.keyLocation());
            boolean external = externalFlag(c, p);
            String name = explicitName(c, p);
            if (name == null && normalize) name = external ? e.key() : project + "_" + e.key();
            Boolean internal = nodes.bool(c.get("internal"), p + ".internal");
            Boolean attachable = nodes.bool(c.get("attachable"), p + ".attachable");
            Boolean ipv6 = nodes.bool(c.get("enable_ipv6"), p + ".enable_ipv6");
            if (Boolean.FALSE.equals(nodes.bool(c.get("enable_ipv4"), p + ".enable_ipv4"))) {
                // an IPv6-only network needs Engine API 1.47, and jcompose does not ask for one yet
                warnings.add(new Diagnostic(c.entryMap().get("enable_ipv4").keyLocation(), p + ".enable_ipv4",
                        "an IPv6-only network is not implemented by jcompose: the network gets IPv4 too").format());
            }
            out.put(e.key(), new NetworkConfig(name, nodes.string(c.get("driver"), p + ".driver"),
                    nodes.stringMap(c.get("driver_opts"), p + ".driver_opts"), nodes.stringMap(c.get("labels"), p + ".labels"),
                    external, Boolean.TRUE.equals(internal), Boolean.TRUE.equals(attachable), ipv6,
                    c.get("ipam") == null ? null : c.get("ipam").toPlain(), extras(c, NETWORK_KEYS)));
        }
        return out;
    }

    private SortedMap<String, VolumeConfig> volumes(YamlNode node, String project) {
        SortedMap<String, VolumeConfig> out = new TreeMap<>();
        MapNode m = nodes.map(node, "volumes");
        if (m == null) return out;
        for (MapNode.Entry e : m.entries()) {
            String p = "volumes." + e.key();
            MapNode c = nodes.map(e.value(), p);
            if (c == null) c = MapNode.empty(e.keyLocation());
            boolean external = externalFlag(c, p);
            String name = explicitName(c, p);
            if (name == null && normalize) name = external ? e.key() : project + "_" + e.key();
            out.put(e.key(), new VolumeConfig(name, nodes.string(c.get("driver"), p + ".driver"),
                    nodes.stringMap(c.get("driver_opts"), p + ".driver_opts"), nodes.stringMap(c.get("labels"), p + ".labels"),
                    external, extras(c, VOLUME_KEYS)));
        }
        return out;
    }

    /** The keys of {@code c} not modelled (other attributes, {@code x-*}), as plain values. */
    private static SortedMap<String, Object> extras(MapNode c, Set<String> modelled) {
        SortedMap<String, Object> out = new TreeMap<>();
        for (MapNode.Entry e : c.entries()) if (!modelled.contains(e.key())) out.put(e.key(), e.value().toPlain());
        return out;
    }

    /**
     * Top-level secrets and configs, kept as plain values in canonical form: {@code file} resolved against the
     * project directory, the legacy {@code external: {name:}} as {@code name} and {@code external: true}.
     */
    @SuppressWarnings("unchecked")
    private Object fileResources(String section, MapNode node, Path projectDir, String home) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (MapNode.Entry e : node.entries()) {
            Object plain = e.value().toPlain();
            if (plain instanceof Map<?, ?> m) {
                Map<String, Object> r = new LinkedHashMap<>((Map<String, Object>) m);
                if (r.get("file") instanceof String f && resolvePaths) r.put("file", dev.jcompose.spec.bind.VolumeSyntax.resolve(f, projectDir, home));
                if (r.get("external") instanceof Map<?, ?> legacy) {
                    if (legacy.get("name") != null && !r.containsKey("name")) r.put("name", legacy.get("name"));
                    r.put("external", true);
                    warnings.add(section + "." + e.key() + ": external.name is deprecated, please use name and external: true");
                }
                plain = r;
            }
            out.put(e.key(), plain);
        }
        return out;
    }

    /** Top-level secrets or configs, typed: a file, a content, an environment variable, or external. */
    private SortedMap<String, FileSource> fileSources(String section, YamlNode node, Path projectDir, Map<String, String> env) {
        SortedMap<String, FileSource> out = new TreeMap<>();
        if (!(node instanceof MapNode m)) return out;
        for (MapNode.Entry e : m.entries()) {
            String p = section + "." + e.key();
            MapNode c = nodes.map(e.value(), p);
            if (c == null) c = MapNode.empty(e.keyLocation());
            String file = nodes.string(c.get("file"), p, "file");
            String content = section.equals("configs") ? nodes.string(c.get("content"), p, "content") : null;
            String variable = nodes.string(c.get("environment"), p, "environment");
            boolean external = externalFlag(c, p);
            for (String swarmOnly : List.of("labels", "driver_opts")) {
                if (c.get(swarmOnly) != null) {
                    warnings.add(new Diagnostic(c.entryMap().get(swarmOnly).keyLocation(), p + "." + swarmOnly,
                            "applies to a swarm's " + section + " only: ignored").format());
                }
            }
            for (String swarmOnly : List.of("driver", "template_driver")) {
                if (c.get(swarmOnly) != null) {
                    problems.add(c.get(swarmOnly), p + "." + swarmOnly, swarmOnly + " makes " + section + " on a swarm only",
                            "outside a swarm give it a file" + (section.equals("configs") ? ", a content" : "") + " or an environment variable");
                }
            }
            int given = (file != null ? 1 : 0) + (content != null ? 1 : 0) + (variable != null ? 1 : 0) + (external ? 1 : 0);
            if (given > 1) {
                problems.add(c, p, "sets more than one of file, " + (section.equals("configs") ? "content, " : "") + "environment and external",
                        "keep one of them");
                continue;
            }
            if (external) {
                String name = explicitName(c, p);
                out.put(e.key(), new FileSource.External(name == null ? e.key() : name));
            } else if (file != null) {
                out.put(e.key(), new FileSource.File(resolvePaths ? VolumeSyntax.resolve(file, projectDir, env.get("HOME")) : file));
            } else if (content != null) {
                out.put(e.key(), new FileSource.Content(content));
            } else if (variable != null) {
                out.put(e.key(), new FileSource.Environment(variable, env.get(variable)));
            } else if (consistency) {
                problems.add(c, p, "needs a source", "set file, " + (section.equals("configs") ? "content, " : "") + "environment or external: true");
            }
        }
        return out;
    }

    /** A service's secrets and configs name defined ones. */
    private void checkFileReferences(MapNode root, Map<String, Service> services, Map<String, FileSource> secrets,
                                     Map<String, FileSource> configs) {
        MapNode servicesNode = root.get("services") instanceof MapNode m ? m : MapNode.empty(root.location());
        for (Service s : services.values()) {
            MapNode svc = servicesNode.get(s.name()) instanceof MapNode m ? m : MapNode.empty(root.location());
            checkReferences(svc, "services." + s.name() + ".secrets", "secret", s.options().secrets(), secrets);
            checkReferences(svc, "services." + s.name() + ".configs", "config", s.options().configs(), configs);
        }
    }

    private void checkReferences(MapNode svc, String p, String kind, List<dev.jcompose.spec.model.FileReference> refs,
                                 Map<String, FileSource> defined) {
        for (int i = 0; i < refs.size(); i++) {
            String source = refs.get(i).source();
            if (defined.containsKey(source)) continue;
            YamlNode at = svc.get(p.substring(p.lastIndexOf('.') + 1)) instanceof ListNode l && i < l.items().size() ? l.items().get(i) : svc;
            problems.add(at, p + "[" + i + "]", "refers to undefined " + kind + " \"" + source + "\"",
                    hintOr(Suggestions.didYouMean(source, defined.keySet()), "declare it under the top-level " + kind + "s:"));
        }
    }

    /** {@code external: true}, or the legacy {@code external: {name: x}} (accepted with a warning, as compose does). */
    private boolean externalFlag(MapNode c, String p) {
        YamlNode ext = c.get("external");
        if (ext instanceof MapNode) return true;
        return Boolean.TRUE.equals(nodes.bool(ext, p + ".external"));
    }

    /** The engine name from {@code name:}, or from the legacy {@code external.name}. */
    private String explicitName(MapNode c, String p) {
        String name = nodes.string(c.get("name"), p + ".name");
        if (c.get("external") instanceof MapNode legacy && legacy.get("name") != null) {
            String legacyName = nodes.string(legacy.get("name"), p + ".external.name");
            warnings.add(p + ": external.name is deprecated, please use name and external: true");
            if (name == null) name = legacyName;
        }
        return name;
    }

    private void checkReferences(MapNode root, Map<String, Service> services, Map<String, NetworkConfig> networks,
                                 Map<String, VolumeConfig> volumes) {
        MapNode servicesNode = root.get("services") instanceof MapNode m ? m : MapNode.empty(root.location());
        for (Service s : services.values()) {
            MapNode svc = servicesNode.get(s.name()) instanceof MapNode m ? m : MapNode.empty(root.location());
            String p = "services." + s.name();
            for (Map.Entry<String, ServiceDependency> d : s.dependsOn().entrySet()) {
                if (services.containsKey(d.getKey())) continue;
                problems.add(entryAt(svc.get("depends_on"), d.getKey(), svc), p + ".depends_on",
                        "depends on undefined service \"" + d.getKey() + "\"",
                        Suggestions.didYouMean(d.getKey(), services.keySet()));
            }
            for (String n : s.networks().keySet()) {
                if (networks.containsKey(n)) continue;
                problems.add(entryAt(svc.get("networks"), n, svc), p + ".networks",
                        "refers to undefined network \"" + n + "\"",
                        hintOr(Suggestions.didYouMean(n, networks.keySet()), "declare it under the top-level networks:"));
            }
            List<ServiceVolume> mounts = s.volumes();
            for (int i = 0; i < mounts.size(); i++) {
                ServiceVolume v = mounts.get(i);
                if (!v.type().equals(ServiceVolume.VOLUME) || v.source() == null || volumes.containsKey(v.source())) continue;
                YamlNode at = svc.get("volumes") instanceof ListNode l && i < l.items().size() ? l.items().get(i) : svc;
                problems.add(at, p + ".volumes[" + i + "]", "refers to undefined volume \"" + v.source() + "\"",
                        hintOr(Suggestions.didYouMean(v.source(), volumes.keySet()),
                                "declare it under the top-level volumes:, or write ./" + v.source() + " for a host directory"));
            }
        }
    }

    /** Per-service consistency: something to run, and container names that can be unique. */
    private void checkServices(MapNode root, Map<String, Service> services) {
        MapNode servicesNode = root.get("services") instanceof MapNode m ? m : MapNode.empty(root.location());
        for (Service s : services.values()) {
            if (s.image() == null && s.build() == null) {
                problems.add(servicesNode.get(s.name()), "services." + s.name(), "has neither an image nor a build context specified",
                        "add \"image: <name>\" or \"build: <dir>\"");
            }
            if (s.containerName() == null || s.scale() <= 1) continue;
            YamlNode at = servicesNode.get(s.name()) instanceof MapNode svc && svc.get("container_name") != null ? svc.get("container_name") : root;
            problems.add(at, "services." + s.name() + ".container_name",
                    "cannot be set when the service is scaled to " + s.scale() + " containers",
                    "container names are unique: remove container_name or set scale to 1");
        }
    }

    /** The location of key {@code key} inside mapping {@code node}, falling back to {@code fallback}. */
    private static YamlNode entryAt(YamlNode node, String key, YamlNode fallback) {
        if (node instanceof MapNode m && m.entryMap().containsKey(key)) {
            MapNode.Entry e = m.entryMap().get(key);
            return new ScalarNode(key, ScalarNode.Kind.STRING, e.keyLocation(), null);
        }
        return fallback;
    }

    private static String hintOr(String hint, String fallback) {
        return hint.isEmpty() ? fallback : hint;
    }
}
