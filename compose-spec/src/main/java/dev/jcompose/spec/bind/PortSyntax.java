package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.PortConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The short port syntax, {@code [[host_ip:][published[-end]]:]target[-end][/protocol]}: a range becomes one
 * {@link PortConfig} per port. Throws IllegalArgumentException with a message fit for a person.
 */
final class PortSyntax {
    private PortSyntax() {}

    static List<PortConfig> parse(String spec) {
        String text = spec.strip();
        String protocol = "tcp";
        int slash = text.lastIndexOf('/');
        if (slash >= 0) {
            protocol = text.substring(slash + 1);
            text = text.substring(0, slash);
            if (!protocol.equals("tcp") && !protocol.equals("udp") && !protocol.equals("sctp")) {
                throw new IllegalArgumentException("invalid protocol \"" + protocol + "\": must be tcp, udp or sctp");
            }
        }
        String hostIp = "";
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) throw new IllegalArgumentException("invalid IPv6 host address in \"" + spec + "\"");
            hostIp = text.substring(1, close);
            text = text.substring(close + 2);
        }
        String[] parts = text.split(":", -1);
        String published;
        String target;
        switch (parts.length) {
            case 1: published = ""; target = parts[0]; break;
            case 2: published = parts[0]; target = parts[1]; break;
            case 3:
                if (!hostIp.isEmpty()) throw new IllegalArgumentException("invalid port \"" + spec + "\"");
                hostIp = parts[0]; published = parts[1]; target = parts[2];
                break;
            default: throw new IllegalArgumentException("invalid port \"" + spec + "\": too many ':'");
        }
        int[] targets = range(target, spec);
        List<PortConfig> out = new ArrayList<>();
        if (published.isEmpty()) {
            for (int t = targets[0]; t <= targets[1]; t++) out.add(new PortConfig(hostIp, null, t, protocol, "ingress"));
            return out;
        }
        int[] pubs = range(published, spec);
        int count = targets[1] - targets[0];
        if (pubs[1] - pubs[0] != count) {
            throw new IllegalArgumentException("port ranges of different lengths in \"" + spec + "\"");
        }
        for (int i = 0; i <= count; i++) {
            out.add(new PortConfig(hostIp, pubs[0] + i, targets[0] + i, protocol, "ingress"));
        }
        return out;
    }

    static int[] range(String text, String spec) {
        int dash = text.indexOf('-');
        int start = port(dash < 0 ? text : text.substring(0, dash), spec);
        int end = dash < 0 ? start : port(text.substring(dash + 1), spec);
        if (end < start) throw new IllegalArgumentException("invalid port range \"" + text + "\" in \"" + spec + "\"");
        return new int[] {start, end};
    }

    static int port(String text, String spec) {
        try {
            int p = Integer.parseInt(text.strip());
            if (p >= 1 && p <= 65535) return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid port \"" + text + "\" in \"" + spec + "\": must be a number 1-65535");
        }
        throw new IllegalArgumentException("invalid port \"" + text + "\" in \"" + spec + "\": must be 1-65535");
    }
}
