package dev.logsagent.logs.launchers.listener;

import dev.logsagent.config.SourceType;
import dev.logsagent.logs.decoder.DecoderOptions;
import dev.logsagent.logs.sources.LogSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Map;

import static dev.logsagent.logs.launchers.listener.ListenerFixture.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** TLS on a TCP source with the test certificates of {@code src/test/resources/tls} (see its README). */
class ListenerTlsTest {
    private static final Duration TICK = Duration.ofMillis(20);

    @Test
    void aClientWithACertificateOfTheCaIsServedAcrossReadTimeouts() throws Exception {
        try (ListenerFixture f = new ListenerFixture(DecoderOptions.defaults(), TICK)) {
            LogSource source = f.add(SourceType.TCP, Map.of("tls", tls(true)));
            try (SSLSocket s = connect(f.port(source), "client")) {
                s.getOutputStream().write("over tls\n".getBytes(StandardCharsets.UTF_8));
                f.awaitCount(1);
                // Real time on purpose: the server's reads must time out on the TLS socket several times.
                Thread.sleep(TICK.multipliedBy(5));
                s.getOutputStream().write("still over tls\n".getBytes(StandardCharsets.UTF_8));
                f.awaitCount(2);
            }

            assertThat(f.contents()).containsExactly("over tls", "still over tls");
            assertThat(f.received.peek().tags()).containsExactly("source_host:127.0.0.1");
            assertThat(source.info()).anyMatch(l -> l.contains("0 failed TLS handshakes"));
        }
    }

    @Test
    void aClientWithoutACertificateIsRefusedWhenTheSourceHasACa() throws Exception {
        assertRefused(null);
    }

    @Test
    void aClientWithACertificateOfAnotherCaIsRefused() throws Exception {
        assertRefused("stranger");
    }

    @Test
    void withoutACaClientsNeedNoCertificate() throws Exception {
        try (ListenerFixture f = new ListenerFixture(DecoderOptions.defaults(), TICK)) {
            LogSource source = f.add(SourceType.TCP, Map.of("tls", tls(false)));
            try (SSLSocket s = connect(f.port(source), null)) {
                s.getOutputStream().write("anonymous client\n".getBytes(StandardCharsets.UTF_8));
            }
            f.awaitCount(1);

            assertThat(f.contents()).containsExactly("anonymous client");
        }
    }

    @Test
    void aKeyThatIsNotPkcs8IsRefusedWithTheCommandThatConvertsIt(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("rsa.pem"),
                "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n"
                        + "-----END RSA PRIVATE KEY-----\n");
        try (ListenerFixture f = new ListenerFixture()) {
            LogSource source = f.add(SourceType.TCP, Map.of("tls",
                    Map.of("cert", resource("server.pem").toString(), "key", key.toString())));

            assertThat(source.status()).startsWith("Error: tls.key " + key + ": a PKCS#1/SEC1 private key")
                    .contains("openssl pkcs8 -topk8 -nocrypt");
            assertThat(f.launcher.port(source)).isEmpty();
        }
    }

    @Test
    void aMissingCertificateFileIsNamedInTheSourcesError(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.pem");
        try (ListenerFixture f = new ListenerFixture()) {
            LogSource source = f.add(SourceType.TCP, Map.of("tls",
                    Map.of("cert", missing.toString(), "key", resource("server-key.pem").toString())));

            assertThat(source.status()).startsWith("Error: tls.cert " + missing + ": cannot read");
        }
    }

    private static void assertRefused(String clientIdentity) throws Exception {
        try (ListenerFixture f = new ListenerFixture(DecoderOptions.defaults(), TICK)) {
            LogSource source = f.add(SourceType.TCP, Map.of("tls", tls(true)));
            try (SSLSocket s = connect(f.port(source), clientIdentity)) {
                s.setSoTimeout((int) WAIT.toMillis());
                // TLS 1.3 clients finish their side first: the refusal shows on the next read.
                s.getOutputStream().write("let me in\n".getBytes(StandardCharsets.UTF_8));
                assertThat(ListenerFixture.closedByPeer(s)).isTrue();
            } catch (IOException refusedDuringHandshake) {
                assertThat(refusedDuringHandshake).hasMessageNotContaining("Connection refused");
            }
            await().atMost(WAIT).until(() -> source.info().stream()
                    .anyMatch(l -> l.contains("1 failed TLS handshakes")));
            assertThat(source.info()).anyMatch(l -> l.startsWith("last failed TLS handshake: /127.0.0.1:"));
            assertThat(f.received).isEmpty();
        }
    }

    private static Map<String, Object> tls(boolean withCa) throws URISyntaxException {
        return withCa
                ? Map.of("cert", resource("server.pem").toString(), "key", resource("server-key.pem").toString(),
                "ca", resource("ca.pem").toString())
                : Map.of("cert", resource("server.pem").toString(), "key", resource("server-key.pem").toString());
    }

    /** A client that trusts the test CA, checks the server's name, and shows {@code identity}'s certificate. */
    private static SSLSocket connect(int port, String identity) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(identity == null ? null : keyManagers(identity).getKeyManagers(),
                trustManagers().getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    private static KeyManagerFactory keyManagers(String identity) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(identity, PemFiles.privateKey("key", resource(identity + "-key.pem")), new char[0],
                PemFiles.certificates("cert", resource(identity + ".pem")).toArray(Certificate[]::new));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, new char[0]);
        return factory;
    }

    private static TrustManagerFactory trustManagers() throws IOException, GeneralSecurityException,
            URISyntaxException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("ca", PemFiles.certificates("ca", resource("ca.pem")).getFirst());
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ListenerTlsTest.class.getResource("/tls/" + name).toURI());
    }
}
