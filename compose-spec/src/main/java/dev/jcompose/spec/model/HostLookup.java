package dev.jcompose.spec.model;

import java.util.List;

/** How the container finds other hosts and names itself: DNS, extra hosts, links, its domain and MAC address. */
public record HostLookup(List<String> dns, List<String> dnsSearch, List<String> dnsOpt, List<ExtraHost> extraHosts,
                         String domainname, String macAddress, List<String> links, List<String> externalLinks) {
    public static final HostLookup NONE = new HostLookup(List.of(), List.of(), List.of(), List.of(), null, null, List.of(), List.of());

    public HostLookup {
        dns = List.copyOf(dns);
        dnsSearch = List.copyOf(dnsSearch);
        dnsOpt = List.copyOf(dnsOpt);
        extraHosts = List.copyOf(extraHosts);
        links = List.copyOf(links);
        externalLinks = List.copyOf(externalLinks);
    }
}
