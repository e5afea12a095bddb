package dev.jcompose.spec.interpolation;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The variables a template uses, without substituting anything: for {@code config --variables}. Every branch is
 * read, so a variable that only appears in a default is listed too. Syntax errors are the interpolator's business.
 */
public final class TemplateVariables {
    /** One variable: whether it must be set ({@code ?}), its default ({@code -}) and alternate ({@code +}) values. */
    public record Variable(String name, boolean required, String defaultValue, String alternateValue) {
        Variable merge(Variable other) {
            return new Variable(name, required || other.required,
                    defaultValue != null ? defaultValue : other.defaultValue,
                    alternateValue != null ? alternateValue : other.alternateValue);
        }
    }

    private TemplateVariables() {}

    /** Adds the variables of {@code template} to {@code into}, by name. */
    public static void scan(String template, SortedMap<String, Variable> into) {
        int i = 0;
        int n = template.length();
        while (i < n) {
            if (template.charAt(i) != '$' || i + 1 >= n) {
                i++;
                continue;
            }
            char next = template.charAt(i + 1);
            if (next == '$') {
                i += 2;
            } else if (next == '{') {
                int close = Interpolator.matchingBrace(template, i + 1);
                if (close < 0) return;
                expression(template.substring(i + 2, close), into);
                i = close + 1;
            } else if (Interpolator.isNameStart(next)) {
                int end = i + 1;
                while (end < n && Interpolator.isNamePart(template.charAt(end))) end++;
                add(into, new Variable(template.substring(i + 1, end), false, null, null));
                i = end;
            } else {
                i++;
            }
        }
    }

    private static void expression(String body, SortedMap<String, Variable> into) {
        int end = 0;
        while (end < body.length() && Interpolator.isNamePart(body.charAt(end))) end++;
        if (end == 0) return;
        String name = body.substring(0, end);
        String rest = body.substring(end);
        String op = rest.startsWith(":") ? rest.substring(0, Math.min(2, rest.length())) : rest.isEmpty() ? "" : rest.substring(0, 1);
        String word = rest.substring(op.length());
        switch (op) {
            case ":-": case "-": add(into, new Variable(name, false, word, null)); break;
            case ":?": case "?": add(into, new Variable(name, true, null, null)); break;
            case ":+": case "+": add(into, new Variable(name, false, null, word)); break;
            default: add(into, new Variable(name, false, null, null));
        }
        scan(word, into);
    }

    private static void add(SortedMap<String, Variable> into, Variable v) {
        into.merge(v.name(), v, Variable::merge);
    }

    public static SortedMap<String, Variable> of(String template) {
        SortedMap<String, Variable> out = new TreeMap<>();
        scan(template, out);
        return out;
    }
}
