package io.lifeboat.agent.fs.tree;

/**
 * Rules for snapshot-relative paths: what a canonical path is, the walk order (parents before children, siblings
 * by name) and parent/prefix helpers.
 */
public final class TreePaths {

    private TreePaths() {
    }

    /**
     * Why a path is not a canonical snapshot-relative path, or null when it is: it must be non-empty, must not start
     * with "/" or "\", must contain no NUL, no empty segment and no "." or ".." segment, also when backslashes are
     * read as separators (a name like {@code a\b} is legal on POSIX and kept, {@code ..\x} is refused).
     */
    public static String problemWith(String path) {
        if (path == null || path.isEmpty()) {
            return "the path is empty";
        }
        if (path.indexOf('\0') >= 0) {
            return "the path contains a NUL character";
        }
        if (path.startsWith("/")) {
            return "the path is absolute";
        }
        if (path.startsWith("\\") || (path.length() >= 2 && path.charAt(1) == ':')) {
            return "the path is absolute when backslashes or drive letters are honoured";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty()) {
                return "the path has an empty segment";
            }
            for (String part : segment.split("\\\\", -1)) {
                if (part.equals("..")) {
                    return "the path has a '..' segment";
                }
                if (part.equals(".")) {
                    return "the path has a '.' segment";
                }
            }
        }
        return null;
    }

    /** The parent of a canonical path, or "" for an entry directly under the root. */
    public static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** The last segment of a canonical path. */
    public static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Number of segments of a canonical path. */
    public static int depth(String path) {
        int depth = 1;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    /** Whether {@code path} is {@code prefix} itself or lies below it; every path lies below "". */
    public static boolean isAtOrUnder(String path, String prefix) {
        return prefix.isEmpty() || path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /**
     * Walk order: segment by segment, each segment by {@link String#compareTo}, a path before its descendants;
     * this is the pre-order of a walk that visits siblings sorted by name.
     */
    public static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ea = endOfSegment(a, i);
            int eb = endOfSegment(b, j);
            int c = a.substring(i, ea).compareTo(b.substring(j, eb));
            if (c != 0) {
                return c;
            }
            i = ea + 1;
            j = eb + 1;
        }
        boolean aDone = i >= a.length();
        boolean bDone = j >= b.length();
        return aDone == bDone ? 0 : aDone ? -1 : 1;
    }

    private static int endOfSegment(String s, int from) {
        int slash = s.indexOf('/', from);
        return slash < 0 ? s.length() : slash;
    }
}
