package io.lifeboat.agent.fs.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a directory tree holds, as one comparable map: per relative path its type, permissions, modification time
 * (nanoseconds), content digest or symlink target, and which paths share an inode; paths matching a skip predicate
 * are left out.
 */
public final class TreeState {

    private TreeState() {
    }

    /** The state of the tree under {@code root}, without the entries whose relative path {@code skip} accepts. */
    public static Map<String, String> of(Path root, java.util.function.Predicate<String> skip) throws IOException {
        Map<String, String> state = new TreeMap<>();
        Map<Object, List<String>> inodes = new HashMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = relative(root, dir);
                if (!rel.isEmpty() && skip.test(rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!rel.isEmpty()) {
                    state.put(rel, "dir " + mode(dir) + " " + attrs.lastModifiedTime().toInstant());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(root, file);
                if (skip.test(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    state.put(rel, "symlink -> " + Files.readSymbolicLink(file));
                } else {
                    state.put(rel, "file " + mode(file) + " " + attrs.lastModifiedTime().toInstant() + " " + attrs
                            .size() + " " + sha256(file));
                    inodes.computeIfAbsent(attrs.fileKey(), k -> new ArrayList<>()).add(rel);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (List<String> paths : inodes.values()) {
            if (paths.size() > 1) {
                List<String> sorted = paths.stream().sorted().toList();
                for (String path : sorted) {
                    state.put(path, state.get(path) + " linked-with " + sorted);
                }
            }
        }
        return state;
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
