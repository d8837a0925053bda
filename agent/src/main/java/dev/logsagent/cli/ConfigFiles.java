package dev.logsagent.cli;

import dev.logsagent.config.ConfigLoader;
import dev.logsagent.config.LoadedConfig;

import java.nio.file.Path;

/** Loads the main config named by {@code -c} (or the defaults) with the process environment applied. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    static LoadedConfig load(Path configFile) {
        return ConfigLoader.load(configFile, System.getenv());
    }
}
