package dev.logsagent.autodiscovery.listeners;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;

/** Asks the kubelet for the pods of its node ({@code GET /pods}), with the service account's token. */
final class KubeletClient {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KubeletSettings settings;
    private final URI podsUri;
    private final HttpClient http;
    private final ObjectMapper mapper = JsonMapper.builder().build();

    KubeletClient(KubeletSettings settings) {
        this.settings = settings;
        this.podsUri = settings.baseUri().resolve("/pods");
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT);
        if ("https".equalsIgnoreCase(settings.baseUri().getScheme())) {
            builder.sslContext(sslContext(settings));
        }
        this.http = builder.build();
    }

    URI podsUri() {
        return podsUri;
    }

    /** The PodList. */
    JsonNode pods() throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(podsUri).timeout(TIMEOUT).GET();
        String token = token();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String text = new String(body.readNBytes(200), StandardCharsets.UTF_8).strip();
                throw new IOException("kubelet at " + podsUri + " answered HTTP " + response.statusCode()
                        + (text.isEmpty() ? "" : ": " + text));
            }
            JsonNode list = mapper.readTree(body);
            if (!list.isObject()) {
                throw new IOException("kubelet at " + podsUri + " answered with " + list.getNodeType()
                        + " where a PodList object was expected");
            }
            return list;
        } catch (JacksonException e) {
            throw new IOException("kubelet at " + podsUri + " answered with malformed JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    private String token() throws IOException {
        Path file = settings.tokenFile();
        if (file == null || !Files.isReadable(file)) {
            return null;
        }
        String token = Files.readString(file).strip();
        return token.isEmpty() ? null : token;
    }

    private static SSLContext sslContext(KubeletSettings settings) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            TrustManager[] trust;
            if (!settings.tlsVerify()) {
                trust = new TrustManager[]{new TrustingManager()};
            } else if (settings.caFile() != null && Files.isReadable(settings.caFile())) {
                trust = trustOnly(settings.caFile());
            } else {
                return SSLContext.getDefault();
            }
            context.init(null, trust, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS to the kubelet with CA " + settings.caFile() + ": "
                    + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustOnly(Path caFile) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    /**
     * Accepts any certificate and, being an extended manager, also skips the host name check the JDK would
     * otherwise make: what {@code kubelet_tls_verify: false} asks for.
     */
    private static final class TrustingManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            accept();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            accept();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            accept();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            accept();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            accept();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            accept();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        private static void accept() {
            // Every certificate is accepted: the user turned verification off.
        }
    }
}
