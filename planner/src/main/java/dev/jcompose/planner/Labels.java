package dev.jcompose.planner;

/**
 * The labels docker compose puts on what it creates. jcompose writes and reads the same ones, so that each tool
 * sees, stops and removes the other's stacks.
 */
public final class Labels {
    private Labels() {}

    public static final String PREFIX = "com.docker.compose.";
    public static final String PROJECT = PREFIX + "project";
    public static final String SERVICE = PREFIX + "service";
    public static final String CONTAINER_NUMBER = PREFIX + "container-number";
    public static final String ONEOFF = PREFIX + "oneoff";
    public static final String CONFIG_HASH = PREFIX + "config-hash";
    public static final String WORKING_DIR = PREFIX + "project.working_dir";
    public static final String CONFIG_FILES = PREFIX + "project.config_files";
    public static final String DEPENDS_ON = PREFIX + "depends_on";
    public static final String VERSION = PREFIX + "version";
    public static final String IMAGE = PREFIX + "image";
    public static final String NETWORK = PREFIX + "network";
    public static final String VOLUME = PREFIX + "volume";

    /** What jcompose writes in {@link #VERSION}: the docker compose release whose behaviour it follows. */
    public static final String COMPOSE_VERSION = "2.29.7";
}
