package dev.logsagent.logs.diagnostic;

import java.util.List;

/** One processed log as a stream-logs client sees it: a JSON line. */
public record StreamedLog(String message, String status, String service, String source, String type,
                          List<String> tags, long timestamp) {
}
