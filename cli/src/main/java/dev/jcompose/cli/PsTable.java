package dev.jcompose.cli;

import dev.jcompose.planner.observed.ObservedContainer;
import dev.jcompose.planner.observed.PublishedPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The {@code ps} table with docker compose's columns, widths fitted to the content. */
final class PsTable {
    private PsTable() {}

    /** @param trunc whether the command is shortened to 20 characters (not with {@code --no-trunc}) */
    static String render(List<ObservedContainer> containers, long nowEpochSeconds, boolean trunc) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"});
        for (ObservedContainer c : containers) {
            rows.add(new String[] {c.name(), c.image(), quoted(c.command(), trunc), c.service(),
                    ago(nowEpochSeconds - c.created()), c.status(), ports(c.ports())});
        }
        return Columns.align(rows);
    }

    static String quoted(String command, boolean trunc) {
        String c = trunc && command.length() > 20 ? command.substring(0, 19) + "…" : command;
        return "\"" + c + "\"";
    }

    /** "0.0.0.0:8080->80/tcp, :::8080->80/tcp", one entry per binding, the unpublished ones as "80/tcp". */
    static String ports(List<PublishedPort> ports) {
        Set<String> out = new LinkedHashSet<>();
        for (PublishedPort p : ports) {
            if (p.publicPort() == null || p.publicPort() == 0) {
                out.add(p.privatePort() + "/" + p.type());
            } else {
                String ip = p.ip() == null ? "" : p.ip();
                out.add((ip.contains(":") ? "[" + ip + "]" : ip) + ":" + p.publicPort() + "->" + p.privatePort() + "/" + p.type());
            }
        }
        return String.join(", ", out);
    }

    /** As docker prints ages: "5 seconds ago", "About a minute ago", "3 hours ago". */
    static String ago(long seconds) {
        if (seconds < 1) return "Less than a second ago";
        if (seconds < 60) return seconds + " second" + (seconds == 1 ? "" : "s") + " ago";
        long minutes = seconds / 60;
        if (minutes < 2) return "About a minute ago";
        if (minutes < 60) return minutes + " minutes ago";
        long hours = minutes / 60;
        if (hours < 2) return "About an hour ago";
        if (hours < 48) return hours + " hours ago";
        return (hours / 24) + " days ago";
    }
}
