package dev.jcompose.service.swarm;

/**
 * The name deploy gives an image it built: the service's image repository with the first 12 hex digits of the image's
 * id as the tag ({@code demo-app:3f2a9c01b7de}), so that a rebuild that changes the image changes the service's spec
 * (and only such a rebuild), as a no-op deploy must make no update call.
 *
 * @param repository the name without tag or digest ({@code demo-app}, {@code localhost:5000/team/app})
 * @param tag        the content tag
 */
public record ContentTag(String repository, String tag) {
    /** The hex digits of the id kept, as {@code docker images} shortens ids. */
    static final int LENGTH = 12;

    /**
     * @param imageName the image as compose names it ({@code image:} or {@code <project>-<service>}), with or without a tag
     * @param imageId   the built image's id, {@code sha256:...}
     */
    public static ContentTag of(String imageName, String imageId) {
        String hex = imageId.startsWith("sha256:") ? imageId.substring("sha256:".length()) : imageId;
        if (hex.isEmpty() || hex.contains(":")) throw new IllegalArgumentException("not an image id: " + imageId);
        // an engine's ids have 64 digits; a test double's fewer, taken whole
        return new ContentTag(repository(imageName), hex.substring(0, Math.min(LENGTH, hex.length())));
    }

    /** The name without its tag or digest; a registry's port ({@code host:5000/app}) is not a tag. */
    static String repository(String imageName) {
        String name = imageName;
        int at = name.indexOf('@');
        if (at >= 0) name = name.substring(0, at);
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) name = name.substring(0, colon);
        return name;
    }

    /** {@code repository:tag}, what the service's spec runs. */
    public String reference() {
        return repository + ":" + tag;
    }
}
