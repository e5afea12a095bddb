package dev.jcompose.cli;

import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine;

/** An example for each command's {@code --help}, the way a docker compose user would type it: one list, checked by a test. */
final class HelpExamples {
    private HelpExamples() {}

    static final Map<String, String> EXAMPLES = new TreeMap<>(Map.ofEntries(
            Map.entry("up", "jcompose -f compose.yaml -f compose.prod.yaml up -d --wait"),
            Map.entry("deploy", "jcompose -f compose.yaml -f compose.prod.yaml deploy --wait --prune"),
            Map.entry("create", "jcompose create --pull missing web"),
            Map.entry("down", "jcompose down -v --remove-orphans"),
            Map.entry("ps", "jcompose ps -a --format json"),
            Map.entry("logs", "jcompose logs -f --tail 20 web"),
            Map.entry("port", "jcompose port web 80"),
            Map.entry("top", "jcompose top db"),
            Map.entry("start", "jcompose start web"),
            Map.entry("stop", "jcompose stop -t 5 web"),
            Map.entry("restart", "jcompose restart web"),
            Map.entry("pause", "jcompose pause worker"),
            Map.entry("unpause", "jcompose unpause worker"),
            Map.entry("rm", "jcompose rm -s -f worker"),
            Map.entry("kill", "jcompose kill -s SIGTERM web"),
            Map.entry("scale", "jcompose scale web=3"),
            Map.entry("run", "jcompose run --rm web sh -c 'echo hello'"),
            Map.entry("exec", "jcompose exec db psql -U postgres"),
            Map.entry("attach", "jcompose attach --no-stdin worker"),
            Map.entry("wait", "jcompose wait migrate"),
            Map.entry("ls", "jcompose ls --all"),
            Map.entry("build", "jcompose build --no-cache --build-arg VERSION=1.2 app"),
            Map.entry("images", "jcompose images --format json"),
            Map.entry("pull", "jcompose pull --ignore-pull-failures"),
            Map.entry("push", "jcompose push app"),
            Map.entry("prune", "jcompose prune --dry-run"),
            Map.entry("config", "jcompose -f compose.yaml -f compose.prod.yaml config --services"),
            Map.entry("version", "jcompose version --format json"),
            Map.entry("completion", "source <(jcompose completion bash)"),
            Map.entry("cp", "jcompose cp web:/etc/nginx/nginx.conf ./nginx.conf"),
            Map.entry("events", "jcompose events --json"),
            Map.entry("stats", "jcompose stats --no-stream"),
            Map.entry("volumes", "jcompose volumes --format json")));

    /** Puts each command's example at the end of its help. */
    static void addTo(CommandLine root) {
        root.getSubcommands().forEach((name, cmd) -> {
            String example = EXAMPLES.get(name);
            if (example != null) cmd.getCommandSpec().usageMessage().footer("", "Example:", "  " + example);
        });
    }
}
