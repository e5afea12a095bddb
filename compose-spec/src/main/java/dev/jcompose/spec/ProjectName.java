package dev.jcompose.spec;

import java.util.regex.Pattern;

/** The rules compose applies to project names. */
public final class ProjectName {
    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    private ProjectName() {}

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** What compose makes of a directory name: lower case, only {@code [a-z0-9_-]}, no leading '_' or '-'. */
    public static String normalize(String raw) {
        StringBuilder sb = new StringBuilder();
        for (char c : raw.toLowerCase().toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') sb.append(c);
        }
        int start = 0;
        while (start < sb.length() && (sb.charAt(start) == '_' || sb.charAt(start) == '-')) start++;
        return sb.substring(start);
    }

    public static String invalidMessage(String name) {
        return "invalid project name \"" + name + "\": must contain only lowercase letters, digits, dashes and "
                + "underscores, and start with a letter or digit";
    }
}
