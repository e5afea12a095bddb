package dev.jcompose.cli;

import dev.jcompose.planner.BuildOptions;
import dev.jcompose.planner.Orphans;
import dev.jcompose.planner.PullPolicy;
import dev.jcompose.planner.Recreate;
import dev.jcompose.planner.plan.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The options {@code up} and {@code create} share, as docker compose's: how containers and images are made. */
final class CreateOptions {
    @Option(names = "--force-recreate", description = "Recreate containers even if their configuration has not changed")
    boolean forceRecreate;

    @Option(names = "--no-recreate", description = "If containers already exist, don't recreate them")
    boolean noRecreate;

    @Option(names = "--remove-orphans", description = "Remove containers for services not defined in the Compose file")
    boolean removeOrphans;

    @Option(names = "--scale", paramLabel = "SERVICE=NUM", description = "Scale SERVICE to NUM instances; overrides the scale setting in the file")
    List<String> scale = new ArrayList<>();

    @Option(names = {"-y", "--yes"}, description = "Assume \"yes\" as answer to all prompts: recreate a named volume whose definition changed (its data is lost)")
    boolean yes;

    @Option(names = "--build", description = "Build images before starting containers")
    boolean build;

    @Option(names = "--no-build", description = "Don't build an image, even if it's missing")
    boolean noBuild;

    @Option(names = "--pull", paramLabel = "POLICY", description = "Pull image before running (\"always\"|\"missing\"|\"never\")")
    String pull;

    @Option(names = "--quiet-pull", description = "Pull without printing progress information")
    boolean quietPull;

    /** The command's events; with {@code --quiet-pull}, no progress for the pulls. */
    CliEvents events(CliEvents events) {
        if (!quietPull) return events;
        var shown = events.progress();
        return events.withProgress(event -> {
            if (!(event.step().action() instanceof Action.PullImage)) shown.on(event);
        });
    }

    /** What is wrong with the options together, or null. */
    String conflict() {
        if (forceRecreate && noRecreate) return "--force-recreate and --no-recreate are incompatible";
        if (build && noBuild) return "--build and --no-build are incompatible";
        if (pull != null && PullPolicy.ofFlag(pull).isEmpty()) return "invalid --pull value \"" + pull + "\": use always, missing or never";
        return null;
    }

    Recreate recreate() {
        return forceRecreate ? Recreate.FORCE : noRecreate ? Recreate.NEVER : Recreate.DIVERGED;
    }

    PullPolicy pullPolicy() {
        return pull == null ? PullPolicy.SERVICE : PullPolicy.ofFlag(pull).orElseThrow();
    }

    BuildOptions buildOptions() {
        return noBuild ? BuildOptions.never() : build ? BuildOptions.forced(false, false, Map.of()) : BuildOptions.ifMissing();
    }

    /**
     * With services named, the others' containers are not orphans: they are simply not this command's business.
     * COMPOSE_REMOVE_ORPHANS counts from .env too, as the other COMPOSE_* settings.
     */
    Orphans orphans(List<String> services, Map<String, String> env) {
        if (!services.isEmpty()) return Orphans.IGNORE;
        boolean remove = removeOrphans || Boolean.parseBoolean(env.getOrDefault("COMPOSE_REMOVE_ORPHANS", "false"));
        return remove ? Orphans.REMOVE : Orphans.WARN;
    }
}
