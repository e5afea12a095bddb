package dev.jcompose.cli;

import java.util.Locale;
import java.util.Optional;

/** {@code --ansi} / {@code COMPOSE_ANSI}: whether control characters (colours, cursor moves) are printed. */
enum AnsiMode {
    AUTO, NEVER, ALWAYS;

    static Optional<AnsiMode> of(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (AnsiMode m : values()) if (m.name().toLowerCase(Locale.ROOT).equals(v)) return Optional.of(m);
        return Optional.empty();
    }
}
