package dev.jcompose.cli;

import java.util.Locale;
import java.util.Optional;

/** {@code --progress} / {@code COMPOSE_PROGRESS}: how progress is shown, as docker compose's modes. */
enum ProgressMode {
    /** A live view on a terminal, plain lines otherwise (and with {@code --ansi never}). */
    AUTO,
    /** The live view: one line per resource, redrawn in place. */
    TTY,
    /** One line per event: {@code  Container demo-web-1  Started}. */
    PLAIN,
    /** One JSON object per event, in docker compose's schema; warnings and errors as JSON too. */
    JSON,
    /** Nothing but errors. */
    QUIET;

    /** The mode a flag value names ({@code none} is quiet, as in docker compose); empty for another word. */
    static Optional<ProgressMode> of(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("none")) return Optional.of(QUIET);
        for (ProgressMode m : values()) if (m.name().toLowerCase(Locale.ROOT).equals(v)) return Optional.of(m);
        return Optional.empty();
    }
}
