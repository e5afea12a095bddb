package dev.jcompose.spec;

import dev.jcompose.spec.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects every problem of a load, so that a person sees them all at once rather than one per run. */
public final class Problems {
    private final List<Diagnostic> list = new ArrayList<>();

    public void add(YamlNode at, String path, String message) {
        add(at, path, message, "");
    }

    public void add(YamlNode at, String path, String message, String hint) {
        list.add(new Diagnostic(at == null ? Location.UNKNOWN : at.location(), path, message, hint));
    }

    public void add(Diagnostic diagnostic) {
        list.add(diagnostic);
    }

    public void addAll(List<Diagnostic> diagnostics) {
        list.addAll(diagnostics);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    /** Throws a {@link ComposeException} holding every problem so far, if there is any. */
    public void throwIfAny() {
        if (list.isEmpty()) return;
        // In file order, so a person can walk through them top to bottom.
        // a value of the wrong type is reported once, by whichever check (shape or binder) met it first
        Map<String, Diagnostic> unique = new LinkedHashMap<>();
        for (Diagnostic d : list) {
            String key = d.message().startsWith("must be ") ? d.location() + "|" + d.path() : d.location() + "|" + d.path() + "|" + d.message();
            unique.putIfAbsent(key, d);
        }
        List<Diagnostic> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparing((Diagnostic d) -> d.location().file())
                .thenComparingInt(d -> d.location().line())
                .thenComparingInt(d -> d.location().column()));
        throw new ComposeException(sorted);
    }
}
