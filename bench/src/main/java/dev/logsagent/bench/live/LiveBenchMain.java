package dev.logsagent.bench.live;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/**
 * The command line of every live bench: {@code --help}, options, one line of JSON on stdout. Exit status: 0 every
 * line delivered, 1 loss or error, 2 bad options.
 */
final class LiveBenchMain {
    /** A bench's run with its options. */
    interface Bench<O> {
        LiveResult run(O options) throws IOException, InterruptedException;
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private LiveBenchMain() {
    }

    /** @param parse throws {@link IllegalArgumentException} naming the option that is wrong */
    static <O> void run(String name, String usage, String[] args, Function<String[], O> parse, Bench<O> bench)
            throws InterruptedException {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(usage);
            return;
        }
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println(name + ": " + e.getMessage());
            System.err.println(usage);
            System.exit(2);
            return;
        }
        LiveResult result;
        try {
            result = bench.run(options);
        } catch (IOException e) {
            System.err.println(name + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println(json(result));
        System.exit(result.clean() ? 0 : 1);
    }

    /** One line, names in snake_case, the shared parts inline, absent values left out. */
    static String json(LiveResult result) {
        return JSON.writeValueAsString(result);
    }
}
