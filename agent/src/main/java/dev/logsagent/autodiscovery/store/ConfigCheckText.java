package dev.logsagent.autodiscovery.store;

import java.util.List;

/** {@link ConfigCheck} as {@code logs-agent configcheck} prints it. */
public final class ConfigCheckText {
    private ConfigCheckText() {
    }

    public static String render(ConfigCheck check) {
        StringBuilder out = new StringBuilder();
        out.append("=== Resolved configs ===\n");
        if (check.configs().isEmpty()) {
            out.append("\n  (none)\n");
        }
        for (ConfigCheck.Config config : check.configs()) {
            out.append('\n').append(config.name()).append("  (provider ").append(config.provider());
            if (!config.adIdentifiers().isEmpty()) {
                out.append(", template ").append(config.adIdentifiers());
            }
            out.append(", from ").append(config.origin()).append(")\n");
            if (config.service() != null) {
                out.append("  for service: ").append(config.service()).append('\n');
            }
            for (ConfigCheck.Source source : config.sources()) {
                appendSource(out, source);
            }
        }
        if (!check.unmatchedTemplates().isEmpty()) {
            out.append("\n=== Templates matching no service ===\n");
            for (ConfigCheck.Template template : check.unmatchedTemplates()) {
                out.append('\n').append(template.name()).append("  (provider ").append(template.provider())
                        .append(", from ").append(template.origin()).append(")\n  ad_identifiers: ")
                        .append(template.adIdentifiers()).append('\n');
            }
        }
        appendLines(out, "Errors", check.errors());
        appendLines(out, "Warnings", check.warnings());
        return out.toString();
    }

    private static void appendSource(StringBuilder out, ConfigCheck.Source source) {
        out.append("  - type: ").append(source.type()).append('\n');
        appendField(out, "path", source.path());
        appendField(out, "port", source.port() > 0 ? Integer.toString(source.port()) : null);
        appendField(out, "service", source.service());
        appendField(out, "source", source.source());
        appendField(out, "tags", source.tags().isEmpty() ? null : source.tags().toString());
        appendField(out, "identifier", source.identifier());
    }

    private static void appendField(StringBuilder out, String name, String value) {
        if (value != null) {
            out.append("    ").append(name).append(": ").append(value).append('\n');
        }
    }

    private static void appendLines(StringBuilder out, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append("\n=== ").append(title).append(" ===\n\n");
            lines.forEach(line -> out.append("  ").append(line).append('\n'));
        }
    }
}
