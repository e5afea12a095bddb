package dev.jcompose.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash (and zsh) completion script, written from the command model, so that every command and option the CLI
 * has is completed and none it lacks: commands, each command's options, the global options' values (files,
 * folders, progress and ANSI modes), and service and profile names read from the project's files by {@code jcompose
 * config --services} / {@code --profiles} with the {@code -f}, {@code -p}, {@code --project-directory} and
 * {@code --env-file} options already on the line.
 */
final class CompletionScript {
    private CompletionScript() {}

    /** Whether a positional parameter takes service names: all of them ({@code up web db}) or the first only ({@code exec web sh}). */
    private enum Services { NONE, ALL, FIRST }

    static String bash(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder sb = new StringBuilder();
        sb.append("# jcompose completion for bash (and zsh through bashcompinit), written by `jcompose completion` from its\n")
          .append("# command model. Install: jcompose completion bash > /etc/bash_completion.d/jcompose, or\n")
          .append("# source <(jcompose completion bash) in ~/.bashrc.\n");
        sb.append("_jcompose() {\n")
          .append("  local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
          .append("  local i w cmd=\"\" skip=\"\" positionals=0\n")
          .append("  local -a project=()\n")
          .append("  for ((i = 1; i < COMP_CWORD; i++)); do\n")
          .append("    w=\"${COMP_WORDS[i]}\"\n")
          .append("    if [[ -n \"$skip\" ]]; then [[ \"$skip\" == keep ]] && project+=(\"$w\"); skip=\"\"; continue; fi\n")
          .append("    if [[ -n \"$cmd\" ]]; then [[ \"$w\" != -* ]] && ((positionals++)); continue; fi\n")
          .append("    case \"$w\" in\n")
          .append("      -f|--file|-p|--project-name|--project-directory|--env-file) project+=(\"$w\"); skip=keep ;;\n")
          .append("      ").append(String.join("|", valuedOthers(spec))).append(") skip=drop ;;\n")
          .append("      -*) ;;\n")
          .append("      *) cmd=\"$w\" ;;\n")
          .append("    esac\n")
          .append("  done\n")
          .append("  case \"$prev\" in\n")
          .append("    -f|--file|--env-file) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n")
          .append("    --project-directory) COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n")
          .append("    --profile) COMPREPLY=($(compgen -W \"$(jcompose \"${project[@]}\" config --profiles 2>/dev/null)\" -- \"$cur\")); return ;;\n")
          .append("    --progress) COMPREPLY=($(compgen -W \"auto tty plain json quiet\" -- \"$cur\")); return ;;\n")
          .append("    --ansi) COMPREPLY=($(compgen -W \"never always auto\" -- \"$cur\")); return ;;\n")
          .append("  esac\n")
          .append("  if [[ -z \"$cmd\" ]]; then\n")
          .append("    if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"").append(options(spec)).append("\" -- \"$cur\"))\n")
          .append("    else COMPREPLY=($(compgen -W \"").append(String.join(" ", new TreeSet<>(spec.subcommands().keySet()))).append("\" -- \"$cur\")); fi\n")
          .append("    return\n")
          .append("  fi\n")
          .append(optionValues(spec))
          .append("  local opts=\"\" services=none\n")
          .append("  case \"$cmd\" in\n");
        for (Map.Entry<String, CommandLine> e : new TreeMap<>(spec.subcommands()).entrySet()) {
            CommandSpec sub = e.getValue().getCommandSpec();
            sb.append("    ").append(e.getKey()).append(") opts=\"").append(options(sub)).append("\"; services=")
              .append(services(sub).name().toLowerCase(Locale.ROOT)).append(" ;;\n");
        }
        sb.append("  esac\n")
          .append("  if [[ \"$cur\" == -* ]]; then COMPREPLY=($(compgen -W \"$opts\" -- \"$cur\")); return; fi\n")
          .append("  if [[ \"$services\" == all || ( \"$services\" == first && $positionals -eq 0 ) ]]; then\n")
          .append("    COMPREPLY=($(compgen -W \"$(jcompose \"${project[@]}\" config --services 2>/dev/null)\" -- \"$cur\"))\n")
          .append("  elif [[ \"$services\" == first ]]; then\n")
          .append("    COMPREPLY=($(compgen -f -- \"$cur\"))\n")
          .append("  fi\n")
          .append("}\n")
          .append("complete -F _jcompose jcompose\n");
        return sb.toString();
    }

    static String zsh(CommandLine root) {
        return "#compdef jcompose\n# jcompose completion for zsh: the bash one, through zsh's bashcompinit.\n"
                + "autoload -U +X bashcompinit && bashcompinit\n" + bash(root);
    }

    /**
     * The values of the commands' options that take one of a fixed set (an enum, such as {@code deploy
     * --resolve-image}), in lower case as they are typed: a case on the command and the word before the cursor.
     */
    private static String optionValues(CommandSpec spec) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, CommandLine> e : new TreeMap<>(spec.subcommands()).entrySet()) {
            for (OptionSpec o : e.getValue().getCommandSpec().options()) {
                if (o.hidden() || !o.type().isEnum()) continue;
                List<String> values = new ArrayList<>();
                for (Object c : o.type().getEnumConstants()) values.add(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
                for (String n : o.names()) {
                    sb.append("    \"").append(e.getKey()).append(' ').append(n).append("\") COMPREPLY=($(compgen -W \"")
                      .append(String.join(" ", values)).append("\" -- \"$cur\")); return ;;\n");
                }
            }
        }
        return sb.length() == 0 ? "" : "  case \"$cmd $prev\" in\n" + sb + "  esac\n";
    }

    /** Every name of every option, sorted. */
    private static String options(CommandSpec spec) {
        TreeSet<String> names = new TreeSet<>();
        for (OptionSpec o : spec.options()) if (!o.hidden()) names.addAll(List.of(o.names()));
        return String.join(" ", names);
    }

    /** The root's options that take a value and are not passed on to {@code config} (the others' values are). */
    private static List<String> valuedOthers(CommandSpec spec) {
        List<String> out = new ArrayList<>();
        List<String> passed = List.of("-f", "--file", "-p", "--project-name", "--project-directory", "--env-file");
        for (OptionSpec o : spec.options()) {
            if (o.arity().max() == 0) continue;
            for (String n : o.names()) if (!passed.contains(n)) out.add(n);
        }
        return out.isEmpty() ? List.of("--") : out;
    }

    private static Services services(CommandSpec spec) {
        List<PositionalParamSpec> positionals = spec.positionalParameters();
        if (positionals.isEmpty() || !positionals.get(0).paramLabel().startsWith("SERVICE")) return Services.NONE;
        return positionals.size() == 1 && positionals.get(0).isMultiValue() ? Services.ALL : Services.FIRST;
    }
}
