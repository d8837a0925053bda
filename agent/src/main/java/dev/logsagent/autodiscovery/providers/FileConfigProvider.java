package dev.logsagent.autodiscovery.providers;

import dev.logsagent.autodiscovery.IntegrationConfig;
import dev.logsagent.config.ConfdLoader;
import dev.logsagent.config.ConfdResult;
import dev.logsagent.config.FailedSource;
import dev.logsagent.config.LogsTemplate;
import dev.logsagent.config.SourceConfig;
import dev.logsagent.config.SourceType;
import dev.logsagent.errors.ConfigProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The conf.d folder, read with {@link ConfdLoader}: a file of plain sources is one config ready to run, a file with
 * {@code ad_identifiers} one template. It is up to date while no file in it (or in its {@code <name>.d/} folders)
 * was added, removed, or changed size or modification time.
 */
public final class FileConfigProvider implements ConfigProvider {
    public static final String NAME = "file";
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Path confd;
    private volatile Map<Path, FileState> collected;
    private volatile List<FailedSource> problems = List.of();
    private volatile List<ConfigProblem> warnings = List.of();

    private record FileState(FileTime modified, long size) {
    }

    public FileConfigProvider(Path confd) {
        this.confd = confd;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean isUpToDate() throws IOException {
        Map<Path, FileState> last = collected;
        return last != null && last.equals(fileStates());
    }

    /**
     * Problems are found by {@link ConfdLoader}, which knows their lines; a plain file's config keeps its whole
     * {@code logs} list, whose refused entries the resolver leaves out.
     */
    @Override
    public List<IntegrationConfig> collect() throws IOException {
        Map<Path, FileState> states = fileStates();
        ConfdResult result = ConfdLoader.load(confd);
        Map<String, String> plainFiles = new LinkedHashMap<>();
        for (SourceConfig source : result.sources()) {
            plainFiles.putIfAbsent(source.origin(), source.integration());
        }
        List<IntegrationConfig> configs = new ArrayList<>();
        plainFiles.forEach((file, integration) -> {
            JsonNode logs = rawLogs(Path.of(file));
            // Gone or changed since it was validated: its new state makes the next poll read it again.
            if (logs != null && logs.isArray()) {
                configs.add(new IntegrationConfig(integration, NAME, file, List.of(), withAbsolutePaths(logs)));
            }
        });
        for (LogsTemplate template : result.templates()) {
            configs.add(new IntegrationConfig(template.integration(), NAME, template.file(), template.adIdentifiers(),
                    template.logs()));
        }
        problems = result.failed();
        warnings = result.warnings();
        collected = states;
        return configs;
    }

    @Override
    public List<FailedSource> problems() {
        return problems;
    }

    @Override
    public List<ConfigProblem> warnings() {
        return warnings;
    }

    private static JsonNode rawLogs(Path file) {
        try {
            return YAML.readTree(file.toFile()).get("logs");
        } catch (JacksonException e) {
            return null;
        }
    }

    /** An extension for portable examples: a relative file path is taken from the conf.d folder. */
    private JsonNode withAbsolutePaths(JsonNode logs) {
        for (JsonNode entry : logs) {
            if (entry instanceof ObjectNode source && SourceType.FILE.key().equalsIgnoreCase(source.path("type")
                    .asString("")) && source.path("path").isString()) {
                Path path = Path.of(source.path("path").stringValue());
                if (!path.isAbsolute()) {
                    source.put("path", confd.resolve(path).normalize().toString());
                }
            }
        }
        return logs;
    }

    /** Every file ConfdLoader may read: the folder's own files and those of its {@code <name>.d/} folders. */
    private Map<Path, FileState> fileStates() throws IOException {
        Map<Path, FileState> states = new HashMap<>();
        if (!Files.isDirectory(confd)) {
            return states;
        }
        for (Path entry : list(confd)) {
            if (Files.isDirectory(entry) && entry.getFileName().toString().endsWith(".d")) {
                for (Path file : list(entry)) {
                    record(file, states);
                }
            } else {
                record(entry, states);
            }
        }
        return states;
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static void record(Path file, Map<Path, FileState> states) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isRegularFile()) {
                states.put(file, new FileState(attributes.lastModifiedTime(), attributes.size()));
            }
        } catch (NoSuchFileException e) {
            // removed while listing: absent from this state, as it is from the folder
        }
    }
}
