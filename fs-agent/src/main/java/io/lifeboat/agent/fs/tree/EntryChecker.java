package io.lifeboat.agent.fs.tree;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Checks a sequence of entries against the tree rules (canonical paths, strict walk order, parent directory
 * listed before its children, well-formed link and chunk fields) and counts them for the trailer; shared by the
 * writer and the reader so that nothing is written that could not be read back.
 *
 * <p>
 * Memory is proportional to the depth of the tree: because the order is strict pre-order, a directory that is
 * not an ancestor of the current entry can never be a parent again, so only the open ancestors are kept.
 */
final class EntryChecker {

    private final Deque<String> openDirs = new ArrayDeque<>();
    private String previous;
    private long entries;
    private long files;
    private long dirs;
    private long bytes;

    /** Why the next entry breaks the rules, or null when it is accepted (and counted). */
    String accept(Node n) {
        String pathProblem = TreePaths.problemWith(n.path());
        if (pathProblem != null) {
            return pathProblem;
        }
        if (previous != null && TreePaths.compare(previous, n.path()) >= 0) {
            return "the entry is not after '" + TreeFormatException.printable(previous)
                    + "' in walk order (duplicate or unsorted entry)";
        }
        String parent = TreePaths.parent(n.path());
        while (!openDirs.isEmpty() && !n.path().startsWith(openDirs.peek() + "/")) {
            openDirs.pop();
        }
        if (!parent.isEmpty() && (openDirs.isEmpty() || !openDirs.peek().equals(parent))) {
            return "its parent directory '" + TreeFormatException.printable(parent) + "' is not listed before it";
        }
        String fieldProblem = fieldProblem(n);
        if (fieldProblem != null) {
            return fieldProblem;
        }
        previous = n.path();
        entries++;
        switch (n.type()) {
            case DIR -> {
                dirs++;
                openDirs.push(n.path());
            }
            case FILE -> {
                files++;
                bytes += n.size();
            }
            default -> {
            }
        }
        return null;
    }

    private static String fieldProblem(Node n) {
        if (n.mode() < 0 || n.mode() > 07777) {
            return "mode " + Integer.toOctalString(n.mode()) + " is outside 0..7777";
        }
        if (n.size() < 0) {
            return "size " + n.size() + " is negative";
        }
        if (n.type() != NodeType.FILE && !n.chunks().isEmpty()) {
            return "only a file carries chunks";
        }
        for (String chunk : n.chunks()) {
            if (!TreeJson.CHUNK_ID.matcher(chunk).matches()) {
                return "chunk id '" + chunk + "' is not 64 lowercase hex characters";
            }
        }
        if ((n.type() == NodeType.SYMLINK) != (n.symlinkTarget() != null)) {
            return "a symlink target belongs to, and only to, a symlink";
        }
        if (n.symlinkTarget() != null && (n.symlinkTarget().isEmpty() || n.symlinkTarget().indexOf('\0') >= 0)) {
            return "the symlink target is empty or contains NUL";
        }
        if ((n.type() == NodeType.HARDLINK) != (n.hardLinkTo() != null)) {
            return "a hard-link source belongs to, and only to, a hard link";
        }
        if (n.hardLinkTo() != null) {
            String linkProblem = TreePaths.problemWith(n.hardLinkTo());
            if (linkProblem != null) {
                return "hard-link source '" + TreeFormatException.printable(n.hardLinkTo()) + "': " + linkProblem;
            }
            if (TreePaths.compare(n.hardLinkTo(), n.path()) >= 0) {
                return "hard-link source '" + n.hardLinkTo() + "' is not listed before the link";
            }
        }
        return null;
    }

    long entries() {
        return entries;
    }

    long files() {
        return files;
    }

    long dirs() {
        return dirs;
    }

    long bytes() {
        return bytes;
    }
}
