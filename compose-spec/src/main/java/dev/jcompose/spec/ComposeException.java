package dev.jcompose.spec;

import java.util.List;
import java.util.stream.Collectors;

/** The Compose files cannot make a valid project; carries every problem found, not just the first. */
public class ComposeException extends RuntimeException {
    private final List<Diagnostic> diagnostics;

    public ComposeException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public ComposeException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
