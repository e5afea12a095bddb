package dev.jcompose.executor.docker;

/** Splits {@code registry:5000/repo/name:tag} (or {@code @digest}) into what the pull call takes. */
record ImageReference(String repository, String tag) {
    static ImageReference parse(String reference) {
        int at = reference.indexOf('@');
        if (at >= 0) return new ImageReference(reference.substring(0, at), reference.substring(at + 1));
        int slash = reference.lastIndexOf('/');
        int colon = reference.lastIndexOf(':');
        if (colon > slash) return new ImageReference(reference.substring(0, colon), reference.substring(colon + 1));
        return new ImageReference(reference, "latest");
    }
}
