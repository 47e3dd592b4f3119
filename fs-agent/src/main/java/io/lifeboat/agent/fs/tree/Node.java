package io.lifeboat.agent.fs.tree;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a snapshot tree: its path relative to the snapshot root (forward slashes, no leading slash), its
 * type and metadata, and for a regular file the ids of the chunks holding its content.
 *
 * @param path relative path, canonical (see {@link TreePaths#problemWith(String)})
 * @param type what the entry is
 * @param size content length in bytes for FILE and HARDLINK, 0 otherwise
 * @param mode POSIX permission bits including setuid, setgid and sticky (0 to 07777)
 * @param uid numeric owner
 * @param gid numeric group
 * @param user owner name, or null when unknown
 * @param group group name, or null when unknown
 * @param mtime modification time with the precision the file system gives (up to nanoseconds)
 * @param inode inode number, used only for the change cache and hard links
 * @param device device number, used only for hard links
 * @param symlinkTarget for SYMLINK the link's target as stored, otherwise null
 * @param hardLinkTo for HARDLINK the path of the first entry of the same inode, otherwise null
 * @param chunks for FILE the chunk ids (64 lowercase hex characters each) in content order, otherwise empty
 */
public record Node(String path, NodeType type, long size, int mode, long uid, long gid, String user, String group,
        Instant mtime, long inode, long device, String symlinkTarget, String hardLinkTo, List<String> chunks) {

    /** Checks the fields that every node needs and copies the chunk list. */
    public Node {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mtime, "mtime");
        chunks = chunks == null ? List.of() : List.copyOf(chunks);
    }

    /** This node with another chunk list and size, for a file whose content was (re)read. */
    public Node withContent(List<String> newChunks, long newSize) {
        return new Node(path, type, newSize, mode, uid, gid, user, group, mtime, inode, device, symlinkTarget,
                hardLinkTo, newChunks);
    }
}
