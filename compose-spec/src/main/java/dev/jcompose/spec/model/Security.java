package dev.jcompose.spec.model;

import java.util.List;

/** What the container may do: capabilities, privileges, security options, a read-only root, extra groups. */
public record Security(List<String> capAdd, List<String> capDrop, boolean privileged, List<String> securityOpt,
                       boolean readOnly, List<String> groupAdd) {
    public static final Security NONE = new Security(List.of(), List.of(), false, List.of(), false, List.of());

    public Security {
        capAdd = List.copyOf(capAdd);
        capDrop = List.copyOf(capDrop);
        securityOpt = List.copyOf(securityOpt);
        groupAdd = List.copyOf(groupAdd);
    }

    public Security withCapabilities(List<String> newCapAdd, List<String> newCapDrop) {
        return new Security(newCapAdd, newCapDrop, privileged, securityOpt, readOnly, groupAdd);
    }
}
