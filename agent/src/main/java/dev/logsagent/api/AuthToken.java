package dev.logsagent.api;

import dev.logsagent.errors.StartupException;
import dev.logsagent.errors.TransportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * The secret shared by the running agent and its local clients through {@code run_path/auth_token}: whoever can read
 * that file (its owner) may use the local API.
 */
public final class AuthToken {
    public static final String FILE_NAME = "auth_token";
    private static final int RANDOM_BYTES = 32;

    private final String value;

    private AuthToken(String value) {
        this.value = value;
    }

    /** A new random token, written to {@code run_path/auth_token} readable by the owner only; replaces an old one. */
    public static AuthToken create(Path runPath) {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        AuthToken token = new AuthToken(HexFormat.of().formatHex(random));
        Path file = file(runPath);
        try {
            Files.createDirectories(runPath);
            // Created with 0600 from the start and renamed into place, so the token is never readable by others.
            Path temp = Files.createTempFile(runPath, FILE_NAME, ".tmp", PosixFilePermissions.asFileAttribute(
                    Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
            try {
                Files.writeString(temp, token.value, StandardCharsets.US_ASCII);
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new StartupException("cannot write the local API auth token " + file + ": " + e.getMessage(), e);
        }
        return token;
    }

    /** The token of the agent running with this {@code run_path}, for clients. */
    public static AuthToken read(Path runPath) {
        Path file = file(runPath);
        String content;
        try {
            content = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new TransportException("no auth token at " + file + ": is the agent running?", 0, false, e);
        } catch (IOException e) {
            throw new TransportException("cannot read the auth token " + file + ": " + e.getMessage(), 0, false, e);
        }
        if (content.isEmpty()) {
            throw new TransportException("the auth token file " + file + " is empty: is the agent starting?", 0,
                    false, null);
        }
        return new AuthToken(content);
    }

    public static Path file(Path runPath) {
        return runPath.resolve(FILE_NAME);
    }

    /** The {@code Authorization} header value carrying this token. */
    public String bearerHeader() {
        return "Bearer " + value;
    }

    /** Compares in constant time, so the response time tells nothing about how much of a guess was right. */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(value.getBytes(StandardCharsets.US_ASCII),
                presented.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "AuthToken[****]";
    }
}
