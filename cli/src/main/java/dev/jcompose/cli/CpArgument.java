package dev.jcompose.cli;

/**
 * One end of {@code cp}: {@code SERVICE:PATH} in a service's container, or a local path, read as docker compose
 * reads it: an absolute path, one without a colon, or one whose part before the colon starts with {@code .}
 * ({@code ./a:b}) is local.
 *
 * @param service the service, or null for a local path
 */
record CpArgument(String service, String path) {
    static CpArgument parse(String arg) {
        if (arg.startsWith("/")) return new CpArgument(null, arg);
        int colon = arg.indexOf(':');
        if (colon < 0 || arg.startsWith(".")) return new CpArgument(null, arg);
        return new CpArgument(arg.substring(0, colon), arg.substring(colon + 1));
    }

    boolean local() {
        return service == null;
    }

    @Override
    public String toString() {
        return local() ? path : service + ":" + path;
    }
}
