package dev.jcompose.executor.docker;

import com.github.dockerjava.api.model.AuthConfig;
import com.github.dockerjava.api.model.AuthConfigurations;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.RemoteApiVersion;
import com.github.dockerjava.core.SSLConfig;
import java.net.URI;

/**
 * The client configuration for an engine on a unix socket, made without reading anything: docker-java's default
 * configuration reads the docker CLI's config and context files at every start (about a fifth of a second of a
 * command's start-up), and they only matter for registry credentials, which this asks it for on first use.
 */
final class UnixSocketConfig implements DockerClientConfig {
    private final URI host;
    private final RemoteApiVersion api;
    private DefaultDockerClientConfig registryConfig;

    UnixSocketConfig(URI host, String api) {
        this.host = host;
        this.api = RemoteApiVersion.parseConfig(api);
    }

    /** The docker CLI's configuration (credentials, registry), read the first time a pull or push asks for it. */
    private synchronized DefaultDockerClientConfig registry() {
        if (registryConfig == null) {
            registryConfig = DefaultDockerClientConfig.createDefaultConfigBuilder().withDockerHost(host.toString()).build();
        }
        return registryConfig;
    }

    @Override
    public URI getDockerHost() {
        return host;
    }

    @Override
    public RemoteApiVersion getApiVersion() {
        return api;
    }

    @Override
    public String getRegistryUsername() {
        return registry().getRegistryUsername();
    }

    @Override
    public String getRegistryPassword() {
        return registry().getRegistryPassword();
    }

    @Override
    public String getRegistryEmail() {
        return registry().getRegistryEmail();
    }

    @Override
    public String getRegistryUrl() {
        return registry().getRegistryUrl();
    }

    @Override
    public AuthConfig effectiveAuthConfig(String imageName) {
        return registry().effectiveAuthConfig(imageName);
    }

    @Override
    public AuthConfigurations getAuthConfigurations() {
        return registry().getAuthConfigurations();
    }

    @Override
    public SSLConfig getSSLConfig() {
        return null;
    }
}
