package dev.logsagent.config;

import dev.logsagent.errors.ConfigException;
import dev.logsagent.errors.ConfigProblem;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.Mark;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A parsed YAML (or JSON) text: its tree, and the line and column of every key in it so that problems found
 * while binding can say where they are.
 */
record YamlDocument(JsonNode root, Locator locator) {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** No file at all: an empty tree whose problems name no file. */
    static YamlDocument empty() {
        return new YamlDocument(MissingNode.getInstance(), new Locator(null, Map.of()));
    }

    /** @throws ConfigException when the file cannot be read or is not valid YAML */
    static YamlDocument read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(new ConfigProblem(file.toString(), null, 0, 0, "file not found"));
        } catch (CharacterCodingException e) {
            throw new ConfigException(new ConfigProblem(file.toString(), null, 0, 0, "not valid UTF-8"));
        } catch (IOException e) {
            throw new ConfigException(new ConfigProblem(file.toString(), null, 0, 0, "cannot read: " + e));
        }
        return parse(text, file.toString());
    }

    /**
     * @param origin named in problems: the file path, or a description such as a container label
     * @throws ConfigException when the text is not valid YAML
     */
    static YamlDocument parse(String text, String origin) {
        try {
            Map<String, Locator.Position> positions = positionsOf(text);
            JsonNode root = YAML.readTree(text);
            return new YamlDocument(root == null ? MissingNode.getInstance() : root, new Locator(origin, positions));
        } catch (JacksonException e) {
            throw new ConfigException(syntaxProblem(e, origin));
        }
    }

    /** One pass of the streaming parser: keys are placed at their name, array elements at their first token. */
    private static Map<String, Locator.Position> positionsOf(String text) {
        Map<String, Locator.Position> positions = new HashMap<>();
        try (JsonParser parser = YAML.createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                    continue;
                }
                TokenStreamLocation location = parser.currentTokenLocation();
                positions.putIfAbsent(parser.streamReadContext().pathAsPointer().toString(),
                        new Locator.Position(location.getLineNr(), location.getColumnNr()));
            }
        }
        return positions;
    }

    /** The YAML engine's own description and mark, without the snippet of the file it appends (it may hold a key). */
    private static ConfigProblem syntaxProblem(JacksonException e, String origin) {
        if (e.getCause() instanceof MarkedYamlEngineException yaml) {
            String message = yaml.getContext() == null ? yaml.getProblem() : yaml.getContext() + ": " + yaml.getProblem();
            Mark mark = yaml.getProblemMark().or(yaml::getContextMark).orElse(null);
            return new ConfigProblem(origin, null, mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "invalid YAML: " + message);
        }
        TokenStreamLocation location = e.getLocation();
        String message = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
        return new ConfigProblem(origin, null, location == null ? 0 : location.getLineNr(),
                location == null ? 0 : location.getColumnNr(), "invalid YAML: " + message);
    }
}
