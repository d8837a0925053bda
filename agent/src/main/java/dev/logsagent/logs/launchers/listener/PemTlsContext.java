package dev.logsagent.logs.launchers.listener;

import dev.logsagent.logs.tailers.ServerTls;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/** Builds the server side of TLS of a {@code tcp} source from its PEM files, with the JDK's own TLS. */
final class PemTlsContext {
    /** Guards only the in-memory key store, which never leaves this class. */
    private static final char[] IN_MEMORY_PASSWORD = "logs-agent".toCharArray();

    private PemTlsContext() {
    }

    /** @throws IOException naming the {@code tls.*} key and file that cannot be used */
    static ServerTls load(TlsSettings settings) throws IOException {
        List<X509Certificate> chain = PemFiles.certificates("tls.cert", settings.cert());
        PrivateKey key = PemFiles.privateKey("tls.key", settings.key());
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("server", key, IN_MEMORY_PASSWORD, chain.toArray(Certificate[]::new));
            KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keys, IN_MEMORY_PASSWORD);
            TrustManager[] trust = settings.ca() == null ? null : trustManagers(settings);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers.getKeyManagers(), trust, null);
            return new ServerTls(context, settings.ca() != null);
        } catch (GeneralSecurityException e) {
            throw new IOException("tls: " + settings.cert() + " and " + settings.key() + " cannot be used together: "
                    + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(TlsSettings settings) throws IOException, GeneralSecurityException {
        KeyStore cas = KeyStore.getInstance("PKCS12");
        cas.load(null, null);
        List<X509Certificate> certificates = PemFiles.certificates("tls.ca", settings.ca());
        for (int i = 0; i < certificates.size(); i++) {
            cas.setCertificateEntry("ca-" + i, certificates.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(cas);
        return factory.getTrustManagers();
    }
}
