package dev.jcompose.spec.merge;

import java.util.regex.Pattern;

/** An attribute path such as {@code services.*.ports}, where {@code *} stands for one key. */
record PathPattern(String text, Pattern regex) {
    static PathPattern of(String text) {
        StringBuilder re = new StringBuilder();
        for (String part : text.split("\\.")) {
            if (re.length() > 0) re.append("\\.");
            re.append(part.equals("*") ? "[^.]+" : Pattern.quote(part));
        }
        return new PathPattern(text, Pattern.compile(re.toString()));
    }

    boolean matches(String path) {
        return regex.matcher(path).matches();
    }
}
