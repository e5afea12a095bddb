package dev.jcompose.spec.model;

/** Where a top-level config or secret takes its content from. */
public sealed interface FileSource {
    /** {@code file:}, resolved against the project directory. */
    record File(String path) implements FileSource {}

    /** {@code content:} (configs), as written after interpolation. */
    record Content(String text) implements FileSource {
        @Override
        public String toString() {
            return "Content[" + text.length() + " chars]";
        }
    }

    /** {@code environment: VAR}: the variable's value when the project was loaded (null when it was unset). */
    record Environment(String variable, String value) implements FileSource {
        @Override
        public String toString() {
            return "Environment[" + variable + "]"; // a secret's value is never printed
        }
    }

    /** {@code external: true}: made outside the project (a swarm's). */
    record External(String name) implements FileSource {}
}
