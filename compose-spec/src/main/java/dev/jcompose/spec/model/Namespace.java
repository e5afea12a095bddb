package dev.jcompose.spec.model;

/**
 * A kernel namespace a container joins ({@code network_mode}, {@code ipc}, {@code pid}): a mode the engine knows
 * ({@code host}, {@code none}, {@code private}, a network's name...), another service's container, or a container
 * by name. Only {@link OfService} needs the project to resolve: it becomes {@code container:<that container>}.
 */
public sealed interface Namespace {
    /** As written in the file. */
    String text();

    /** A value passed to the engine as it is. */
    record Mode(String value) implements Namespace {
        public String text() {
            return value;
        }
    }

    /** {@code service:NAME}: the namespace of that service's first container, which is created first. */
    record OfService(String service) implements Namespace {
        public String text() {
            return "service:" + service;
        }
    }

    /** {@code container:NAME}: a container outside the project, by name or id. */
    record OfContainer(String container) implements Namespace {
        public String text() {
            return "container:" + container;
        }
    }

    /** Reads {@code service:x}, {@code container:x} or a plain mode; null for null. */
    static Namespace parse(String text) {
        if (text == null) return null;
        if (text.startsWith("service:")) return new OfService(text.substring("service:".length()));
        if (text.startsWith("container:")) return new OfContainer(text.substring("container:".length()));
        return new Mode(text);
    }

    /** The service this namespace belongs to, or null when it is not another service's. */
    static String service(Namespace ns) {
        return ns instanceof OfService s ? s.service() : null;
    }
}
