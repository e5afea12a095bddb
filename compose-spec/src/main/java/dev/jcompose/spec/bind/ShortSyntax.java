package dev.jcompose.spec.bind;

import dev.jcompose.spec.model.PortConfig;
import dev.jcompose.spec.model.ServiceVolume;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The loader's short-syntax parsers for callers outside it (the command line's {@code run -p}, {@code -v},
 * {@code --entrypoint}), so that a value given on the command line means exactly what it means in a file. Each
 * throws IllegalArgumentException with a message fit for a person.
 */
public final class ShortSyntax {
    private ShortSyntax() {}

    /** {@code [[host_ip:][published[-end]]:]target[-end][/protocol]}: one record per port of a range. */
    public static List<PortConfig> ports(String spec) {
        return PortSyntax.parse(spec);
    }

    /**
     * {@code target}, {@code source:target}, {@code source:target:mode}; a source starting with {@code .}, {@code /}
     * or {@code ~} is a bind, resolved against {@code projectDir} (or {@code home}), any other names a volume.
     *
     * @param warnings told of what is parsed but ignored (an unknown mode, a consistency), as the loader warns of it
     */
    public static ServiceVolume volume(String spec, Path projectDir, String home, Consumer<String> warnings) {
        ServiceVolume v = VolumeSyntax.parse(spec, projectDir, home,
                mode -> warnings.accept("unknown volume option \"" + mode + "\": ignored"));
        if (v.options().containsKey("consistency")) {
            warnings.accept("consistency " + v.options().get("consistency") + " only tunes Docker Desktop's file sharing: ignored");
        }
        return v;
    }

    /** A command line split into words as compose splits a string {@code command:} (quotes and escapes, no shell). */
    public static List<String> words(String line) {
        return ShellWords.split(line);
    }
}
