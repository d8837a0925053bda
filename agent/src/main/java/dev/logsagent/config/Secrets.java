package dev.logsagent.config;

/** Keeps API keys out of logs and status: only the last four characters are ever shown. */
public final class Secrets {
    private Secrets() {
    }

    public static String redact(String secret) {
        if (secret == null || secret.isEmpty()) {
            return "";
        }
        if (secret.length() <= 4) {
            return "****";
        }
        return "*".repeat(Math.min(secret.length() - 4, 28)) + secret.substring(secret.length() - 4);
    }
}
