package dev.logsagent.logs.sender;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;

/**
 * A private test CA and a server certificate it signed for {@code 127.0.0.1} and {@code localhost}, as PKCS12
 * stores in the test resources ({@code tls/}, made by {@code tls/generate.sh}, valid until 2126).
 */
public final class TestCertificates {
    public static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /** The trust store holding only the test CA, as a file (for {@code -Djavax.net.ssl.trustStore}). */
    public static Path truststore() {
        return resource("truststore.p12");
    }

    /** TLS for a server presenting the certificate the test CA signed. */
    public static SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(resource("server.p12")), PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        return context;
    }

    /** Client sockets that trust the test CA and nothing else. */
    public static SSLSocketFactory clientFactory() throws IOException, GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(truststore()));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }

    private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, PASSWORD.toCharArray());
        }
        return store;
    }

    private static Path resource(String name) {
        try {
            return Path.of(Objects.requireNonNull(TestCertificates.class.getResource("/tls/" + name), name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
