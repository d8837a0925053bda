package dev.logsagent.logs.auditor;

/** A registry file, or one of its entries, cannot be understood; the message says why, for the user. */
final class UnreadableRegistryException extends Exception {
    UnreadableRegistryException(String reason) {
        super(reason);
    }
}
