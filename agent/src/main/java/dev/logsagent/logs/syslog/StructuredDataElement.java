package dev.logsagent.logs.syslog;

import java.util.Map;
import java.util.Objects;

/**
 * One RFC 5424 SD-ELEMENT, e.g. {@code [exampleSDID@32473 iut="3"]}.
 *
 * @param id     the SD-ID
 * @param params the unescaped PARAM-NAME to PARAM-VALUE pairs in message order; RFC 5424 lets a name repeat
 *               (the {@code origin} element's {@code ip}), so repeated values are joined with {@code ,}
 */
public record StructuredDataElement(String id, Map<String, String> params) {

    public StructuredDataElement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(params, "params");
    }
}
