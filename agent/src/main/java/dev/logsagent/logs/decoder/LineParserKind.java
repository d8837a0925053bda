package dev.logsagent.logs.decoder;

/** How each framed line is read before multi-line handling: as is, or as a container runtime's log record. */
public enum LineParserKind {
    /** The line is the log. */
    RAW,
    /** Docker {@code json-file}: {@code {"log":"...","stream":"stdout","time":"..."}}, split at 16 KiB. */
    DOCKER_JSON,
    /** Kubernetes CRI: {@code <RFC 3339 time> <stdout|stderr> <P|F> <log>}. */
    CRI
}
