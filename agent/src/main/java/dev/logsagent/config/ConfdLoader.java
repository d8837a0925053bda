package dev.logsagent.config;

import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the log sources of a conf.d folder: {@code <name>.d/*.yaml|yml} and {@code <name>.yaml|yml}, each with
 * a top-level {@code logs:} list, {@code <name>} being the integration. A file with {@code ad_identifiers:} is an
 * autodiscovery template. Files without {@code logs:} are check configurations of the Datadog Agent and are
 * skipped. A broken file or source is reported in {@link ConfdResult#failed()}; everything else still loads.
 */
public final class ConfdLoader {
    private static final ValueReader<List<String>> IDENTIFIERS = ValueReaders.stringList(ValueReaders.COMMA);

    private ConfdLoader() {
    }

    /** A missing folder holds no sources; whether that is acceptable is the caller's decision. */
    public static ConfdResult load(Path confdPath) {
        Results results = new Results();
        if (!Files.isDirectory(confdPath)) {
            return results.toResult();
        }
        for (Path entry : sortedEntries(confdPath, results)) {
            String name = entry.getFileName().toString();
            if (Files.isDirectory(entry) && name.endsWith(".d") && name.length() > 2) {
                String integration = name.substring(0, name.length() - 2);
                for (Path file : sortedEntries(entry, results)) {
                    if (isYaml(file)) {
                        loadFile(integration, file, results);
                    }
                }
            } else if (isYaml(entry)) {
                loadFile(name.substring(0, name.lastIndexOf('.')), entry, results);
            }
        }
        return results.toResult();
    }

    private static void loadFile(String integration, Path file, Results results) {
        String origin = file.toString();
        YamlDocument document;
        try {
            document = YamlDocument.read(file);
        } catch (ConfigException e) {
            results.failed.add(new FailedSource(integration, origin, e.problems()));
            return;
        }
        Diagnostics diagnostics = new Diagnostics();
        ConfigNode root = ConfigNode.root(document.root(), document.locator(), diagnostics);
        if (!root.expectMapping() || root.field("logs").isAbsent()) {
            results.fileProblems(integration, origin, diagnostics);
            return;
        }
        ConfigNode logs = root.field("logs");
        ConfigNode identifiers = root.field("ad_identifiers");
        if (identifiers.isAbsent()) {
            ParsedSources parsed = SourceConfigParser.parse(logs, integration, origin, null);
            results.sources.addAll(parsed.sources());
            results.failed.addAll(parsed.failed());
            results.warnings.addAll(parsed.warnings());
            return;
        }
        List<String> adIdentifiers = null;
        if (identifiers.value().isArray()) {
            adIdentifiers = identifiers.read(IDENTIFIERS);
        } else {
            identifiers.error("expected a list of identifiers, got " + identifiers.describe());
        }
        if (logs.expectList() && adIdentifiers != null) {
            results.templates.add(new LogsTemplate(integration, origin, adIdentifiers, logs.value()));
        }
        results.fileProblems(integration, origin, diagnostics);
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString();
        return (name.endsWith(".yaml") || name.endsWith(".yml")) && Files.isRegularFile(file);
    }

    private static List<Path> sortedEntries(Path folder, Results results) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            results.failed.add(new FailedSource(folder.getFileName().toString(), folder.toString(),
                    List.of(new ConfigProblem(folder.toString(), null, 0, 0, "cannot list folder: " + e))));
            return List.of();
        }
    }

    private static final class Results {
        final List<SourceConfig> sources = new ArrayList<>();
        final List<LogsTemplate> templates = new ArrayList<>();
        final List<FailedSource> failed = new ArrayList<>();
        final List<ConfigProblem> warnings = new ArrayList<>();

        /** Problems of the file as a whole, not of one source in it. */
        void fileProblems(String integration, String file, Diagnostics diagnostics) {
            if (diagnostics.hasErrors()) {
                failed.add(new FailedSource(integration, file, diagnostics.errors()));
            }
            warnings.addAll(diagnostics.warnings());
        }

        ConfdResult toResult() {
            return new ConfdResult(sources, templates, failed, warnings);
        }
    }
}
