package dev.logsagent.logs.launchers.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Expands a path pattern with {@code *}, {@code ?} and {@code [...]} in any segment, one segment at a time like
 * Go's {@code filepath.Glob} (which the Datadog Agent uses), so only directories on the pattern's way are listed.
 */
public final class GlobExpander {
    private GlobExpander() {
    }

    public static boolean hasMeta(String segment) {
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{') {
                return true;
            }
        }
        return false;
    }

    /** Regular files matching the absolute pattern, sorted by path. */
    public static List<Path> expand(String pattern) throws IOException {
        Path p = Path.of(pattern).toAbsolutePath().normalize();
        List<Path> current = new ArrayList<>();
        current.add(p.getRoot());
        for (Path segment : p) {
            String s = segment.toString();
            List<Path> next = new ArrayList<>();
            if (!hasMeta(s)) {
                for (Path dir : current) {
                    next.add(dir.resolve(s));
                }
            } else {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + s);
                for (Path dir : current) {
                    if (!Files.isDirectory(dir)) {
                        continue;
                    }
                    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                        for (Path e : entries) {
                            if (matcher.matches(e.getFileName())) {
                                next.add(e);
                            }
                        }
                    }
                }
            }
            current = next;
        }
        List<Path> files = new ArrayList<>();
        for (Path f : current) {
            if (Files.isRegularFile(f)) {
                files.add(f);
            }
        }
        files.sort(null);
        return files;
    }

    /** A matcher for a pattern of {@code exclude_paths}, to be applied to absolute, normalized paths. */
    public static PathMatcher matcher(String pattern) {
        return FileSystems.getDefault().getPathMatcher("glob:" + Path.of(pattern).toAbsolutePath().normalize());
    }
}
