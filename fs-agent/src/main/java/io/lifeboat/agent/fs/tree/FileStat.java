package io.lifeboat.agent.fs.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.security.Principal;
import java.util.Map;
import java.util.Set;

/** Reads an entry's attributes without following links, through the "unix" view where the platform has it. */
final class FileStat {

    private static final int S_IFMT = 0170000;

    private FileStat() {
    }

    /** The attributes of {@code file} as a walk entry at {@code relPath} (not yet checked for hard links). */
    static WalkEntry read(Path file, String relPath) throws IOException {
        Map<String, Object> a;
        try {
            a = Files.readAttributes(file, "unix:*", LinkOption.NOFOLLOW_LINKS);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return readPosix(file, relPath);
        }
        NodeType type = typeOf(a);
        int mode = ((Integer) a.get("mode")) & ~S_IFMT;
        String target = type == NodeType.SYMLINK ? Files.readSymbolicLink(file).toString() : null;
        long size = type == NodeType.FILE ? (Long) a.get("size") : 0;
        return new WalkEntry(relPath, file, type, size, mode, ((Integer) a.get("uid")).longValue(),
                ((Integer) a.get("gid")).longValue(), name(a.get("owner")), name(a.get("group")),
                ((FileTime) a.get("lastModifiedTime")).toInstant(), (Long) a.get("ino"), (Long) a.get("dev"),
                ((Integer) a.get("nlink")).longValue(), target, null);
    }

    private static WalkEntry readPosix(Path file, String relPath) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "posix:*", LinkOption.NOFOLLOW_LINKS);
        NodeType type = typeOf(a);
        @SuppressWarnings("unchecked")
        Set<PosixFilePermission> perms = (Set<PosixFilePermission>) a.get("permissions");
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 0400 >> p.ordinal();
        }
        String target = type == NodeType.SYMLINK ? Files.readSymbolicLink(file).toString() : null;
        long size = type == NodeType.FILE ? (Long) a.get("size") : 0;
        return new WalkEntry(relPath, file, type, size, mode, 0, 0, name(a.get("owner")), name(a.get("group")),
                ((FileTime) a.get("lastModifiedTime")).toInstant(), 0, 0, 1, target, null);
    }

    private static NodeType typeOf(Map<String, Object> a) {
        if (Boolean.TRUE.equals(a.get("isSymbolicLink"))) {
            return NodeType.SYMLINK;
        }
        if (Boolean.TRUE.equals(a.get("isDirectory"))) {
            return NodeType.DIR;
        }
        if (Boolean.TRUE.equals(a.get("isRegularFile"))) {
            return NodeType.FILE;
        }
        return NodeType.OTHER;
    }

    private static String name(Object principal) {
        return principal instanceof Principal p ? p.getName() : null;
    }

    /** Whether the process runs as uid 0, read from the owner of a fresh temporary file. */
    static boolean runningAsRoot() {
        try {
            Path probe = Files.createTempFile("lifeboat-uid", ".probe");
            try {
                return ((Integer) Files.getAttribute(probe, "unix:uid")) == 0;
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

}
