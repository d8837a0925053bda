package dev.logsagent.autodiscovery.configresolver;

/** A template variable that has no value for a service: the config is not scheduled for it. */
final class UnresolvableVariableException extends Exception {
    UnresolvableVariableException(String variable, String reason) {
        super("%%" + variable + "%%: " + reason, null, false, false);
    }
}
