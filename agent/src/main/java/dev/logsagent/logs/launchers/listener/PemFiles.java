package dev.logsagent.logs.launchers.listener;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * Reads PEM files with the JDK alone: X.509 certificates, and unencrypted PKCS#8 private keys
 * ({@code -----BEGIN PRIVATE KEY-----}) of the RSA, EC or EdDSA kinds. Older key formats ({@code BEGIN RSA PRIVATE
 * KEY}, {@code BEGIN EC PRIVATE KEY}) are refused with the {@code openssl} command that converts them.
 */
final class PemFiles {
    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS");

    private PemFiles() {
    }

    /** Every certificate in the file, in order; at least one. */
    static List<X509Certificate> certificates(String key, Path path) throws IOException {
        byte[] pem = read(key, path);
        try {
            List<X509Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            if (certificates.isEmpty()) {
                throw new IOException(key + " " + path + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
            }
            return certificates;
        } catch (CertificateException e) {
            throw new IOException(key + " " + path + ": not a PEM certificate: " + e.getMessage(), e);
        }
    }

    static PrivateKey privateKey(String key, Path path) throws IOException {
        String pem = new String(read(key, path), StandardCharsets.US_ASCII);
        int begin = pem.indexOf(KEY_BEGIN);
        int end = pem.indexOf(KEY_END);
        if (begin < 0 || end < begin) {
            throw new IOException(key + " " + path + ": " + describeOtherFormat(pem));
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.substring(begin + KEY_BEGIN.length(), end));
        } catch (IllegalArgumentException e) {
            throw new IOException(key + " " + path + ": the PEM block is not valid base64", e);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                // Not a key of this algorithm: try the next one.
            }
        }
        throw new IOException(key + " " + path + ": not an RSA, EC or EdDSA PKCS#8 private key");
    }

    private static String describeOtherFormat(String pem) {
        if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
            return "encrypted private keys are not supported: decrypt it with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'";
        }
        if (pem.contains("-----BEGIN RSA PRIVATE KEY-----") || pem.contains("-----BEGIN EC PRIVATE KEY-----")) {
            return "a PKCS#1/SEC1 private key; convert it to PKCS#8 (-----BEGIN PRIVATE KEY-----) with "
                    + "'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'";
        }
        return "no PKCS#8 private key (-----BEGIN PRIVATE KEY-----) in it";
    }

    private static byte[] read(String key, Path path) throws IOException {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new IOException(key + " " + path + ": cannot read: " + e, e);
        }
    }
}
