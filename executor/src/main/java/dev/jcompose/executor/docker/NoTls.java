package dev.jcompose.executor.docker;

import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * The TLS context given to the HTTP client for a unix socket, where TLS is never spoken. Without one, the zerodep
 * transport builds the system's default context anyway, which loads the JSSE provider and the CA trust store:
 * about 0.2 s of every start, for nothing. This one fails loudly if anything ever tries to use it.
 */
final class NoTls {
    private NoTls() {}

    static SSLContext context() {
        return new SSLContext(new Unused(), null, "none") { };
    }

    private static final class Unused extends SSLContextSpi {
        private static IllegalStateException why() {
            return new IllegalStateException("TLS on a unix socket: jcompose does not speak TLS to a local engine");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) { }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() { throw why(); }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() { throw why(); }

        @Override
        protected SSLEngine engineCreateSSLEngine() { throw why(); }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) { throw why(); }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() { throw why(); }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() { throw why(); }
    }
}
