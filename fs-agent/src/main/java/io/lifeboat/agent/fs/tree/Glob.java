package io.lifeboat.agent.fs.tree;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * One include or exclude pattern: a java.nio glob ({@code *} stays inside one name, {@code **} crosses names,
 * {@code ?}, {@code [...]}, <code>{a,b}</code>). With a leading "/" it is anchored at the snapshot root and must
 * match the whole relative path; without, it may match any tail of the path's names, so {@code *.log} matches a
 * base name at any depth and {@code cache/*} matches {@code cache/x} and {@code a/b/cache/x}.
 */
final class Glob {

    private final String pattern;
    private final boolean anchored;
    private final PathMatcher whole;
    private final String[] segments;

    Glob(String pattern) {
        if (pattern == null || pattern.isBlank() || pattern.equals("/")) {
            throw new IllegalArgumentException("empty glob pattern");
        }
        this.pattern = pattern;
        this.anchored = pattern.startsWith("/");
        String body = anchored ? pattern.substring(1) : pattern;
        while (body.endsWith("/")) {
            body = body.substring(0, body.length() - 1);
        }
        try {
            this.whole = FileSystems.getDefault().getPathMatcher("glob:" + body);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("bad glob pattern '" + pattern + "': " + e.getMessage(), e);
        }
        this.segments = body.split("/");
    }

    /** Whether the pattern matches the relative path (anchored: whole path; otherwise: some tail of names). */
    boolean matches(String relPath) {
        if (anchored) {
            return whole.matches(Path.of(relPath));
        }
        int from = 0;
        while (true) {
            if (whole.matches(Path.of(relPath.substring(from)))) {
                return true;
            }
            int slash = relPath.indexOf('/', from);
            if (slash < 0) {
                return false;
            }
            from = slash + 1;
        }
    }

    /**
     * Whether some path below directory {@code dirPath} may match: always for an unanchored pattern or one with
     * {@code **}; for an anchored one, when the directory's names match the pattern's first names one by one.
     */
    boolean mayMatchBelow(String dirPath) {
        if (!anchored) {
            return true;
        }
        String[] names = dirPath.split("/");
        for (int i = 0; i < names.length; i++) {
            if (i >= segments.length) {
                return false;
            }
            if (segments[i].contains("**")) {
                return true;
            }
            PathMatcher one = FileSystems.getDefault().getPathMatcher("glob:" + segments[i]);
            if (!one.matches(Path.of(names[i]))) {
                return false;
            }
        }
        return segments.length > names.length;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
