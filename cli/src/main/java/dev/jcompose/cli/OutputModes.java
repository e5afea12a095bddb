package dev.jcompose.cli;

import java.util.Map;

/**
 * The progress mode a command shows, decided once from {@code --progress}, {@code --ansi}, their variables
 * ({@code COMPOSE_PROGRESS}, {@code COMPOSE_ANSI}, {@code NO_COLOR}) and whether a terminal is attached, with docker
 * compose's rules: auto is the live view on a terminal and plain lines elsewhere; {@code --ansi never} makes auto plain
 * and refuses tty; {@code --ansi always} refuses plain.
 *
 * @param ansi whether colours and cursor moves may be printed
 */
record OutputModes(ProgressMode progress, boolean ansi) {
    /** A value that cannot be used: the message says why (a usage error). */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    static OutputModes resolve(String progressFlag, String ansiFlag, Map<String, String> env, boolean terminal) {
        String progressValue = progressFlag != null ? progressFlag : env.getOrDefault("COMPOSE_PROGRESS", "auto");
        ProgressMode progress = ProgressMode.of(progressValue).orElseThrow(() -> new Invalid("unsupported --progress value \""
                + progressValue + "\": use auto, tty, plain, json or quiet"));
        String ansiValue = ansiFlag != null ? ansiFlag : env.getOrDefault("COMPOSE_ANSI", "auto");
        AnsiMode ansi = AnsiMode.of(ansiValue).orElseThrow(() -> new Invalid("unsupported --ansi value \"" + ansiValue
                + "\": use never, always or auto"));
        // NO_COLOR (no-color.org) counts as --ansi never unless ANSI is asked for outright
        if (ansi == AnsiMode.AUTO && env.containsKey("NO_COLOR") && !env.get("NO_COLOR").isEmpty()) ansi = AnsiMode.NEVER;
        boolean ansiOn = ansi == AnsiMode.ALWAYS || (ansi == AnsiMode.AUTO && terminal);
        switch (progress) {
            case AUTO -> progress = ansiOn && terminal ? ProgressMode.TTY : ProgressMode.PLAIN;
            case TTY -> {
                if (ansi == AnsiMode.NEVER) throw new Invalid("can't use --progress tty while ANSI support is disabled");
                ansiOn = true;
            }
            case PLAIN -> {
                if (ansi == AnsiMode.ALWAYS) throw new Invalid("can't use --progress plain while ANSI support is forced");
            }
            default -> { }
        }
        return new OutputModes(progress, ansiOn);
    }
}
