package dev.jcompose.cli;

import dev.jcompose.planner.observed.ObservedContainer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ps --format} templates as docker compose takes them ({@link RowTemplate}): a container's fields, and the
 * headers docker prints for them.
 */
final class PsTemplate {
    private PsTemplate() {}

    /** @param trunc ids to 12 characters and the command to 20, as docker's formatter does without {@code --no-trunc} */
    static Map<String, Function<ObservedContainer, String>> fields(long now, boolean trunc) {
        return Map.ofEntries(
                Map.entry("ID", c -> trunc ? shortId(c.id()) : c.id()),
                Map.entry("Name", ObservedContainer::name),
                Map.entry("Names", ObservedContainer::name),
                Map.entry("Image", ObservedContainer::image),
                Map.entry("Command", c -> PsTable.quoted(c.command(), trunc)),
                Map.entry("Project", ObservedContainer::project),
                Map.entry("Service", ObservedContainer::service),
                Map.entry("State", ObservedContainer::state),
                Map.entry("Status", ObservedContainer::status),
                Map.entry("Ports", c -> PsTable.ports(c.ports())),
                Map.entry("Publishers", c -> PsTable.ports(c.ports())),
                Map.entry("RunningFor", c -> PsTable.ago(now - c.created())),
                Map.entry("CreatedAt", c -> String.valueOf(c.created())));
    }

    /** The rendered text; throws IllegalArgumentException naming an unknown field. */
    static String render(String template, List<ObservedContainer> containers, long now, boolean trunc) {
        return new RowTemplate<>(fields(now, trunc), PsTemplate::header).render(template, containers);
    }

    /** The id as docker shows it: 12 characters, without a {@code sha256:} prefix. */
    static String shortId(String id) {
        String bare = id.startsWith("sha256:") ? id.substring(7) : id;
        return bare.length() > 12 ? bare.substring(0, 12) : bare;
    }

    /** The column header docker prints for a field: NAME, IMAGE, RUNNING FOR... */
    private static String header(String field) {
        return switch (field) {
            case "Names" -> "NAME";
            case "RunningFor" -> "CREATED";
            case "CreatedAt" -> "CREATED AT";
            case "Publishers" -> "PORTS";
            default -> field.toUpperCase();
        };
    }
}
