package dev.jcompose.spec.model;

/** One {@code extra_hosts} entry: a host name and one address (a name given two addresses is two entries). */
public record ExtraHost(String host, String address) {
    /** The engine's form, {@code host:address}. */
    public String engineForm() {
        return host + ":" + address;
    }
}
