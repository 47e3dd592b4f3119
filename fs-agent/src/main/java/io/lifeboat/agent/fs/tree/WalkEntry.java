package io.lifeboat.agent.fs.tree;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One entry found by {@link TreeWalker}: its snapshot-relative path, where it is on disk, and the attributes read
 * without following links; a regular file's content is read later through {@link StableRead}.
 *
 * @param path relative path in the snapshot (forward slashes)
 * @param file the entry on disk
 * @param type what the entry is (a later path of an already-seen inode is a HARDLINK)
 * @param size size in bytes (for FILE and HARDLINK; 0 for directories, link length for symlinks is not kept)
 * @param mode POSIX permission bits including setuid, setgid and sticky
 * @param uid numeric owner
 * @param gid numeric group
 * @param user owner name, or null
 * @param group group name, or null
 * @param mtime modification time as the file system gives it
 * @param inode inode number (0 when the file system does not expose one)
 * @param device device number (0 when unknown)
 * @param links hard-link count
 * @param symlinkTarget for a SYMLINK its target as stored
 * @param hardLinkTo for a HARDLINK the path of the first entry of the same inode
 */
public record WalkEntry(String path, Path file, NodeType type, long size, int mode, long uid, long gid, String user,
        String group, Instant mtime, long inode, long device, long links, String symlinkTarget, String hardLinkTo) {

    /** The tree node for this entry, with the chunk ids of its content (empty unless a FILE). */
    public Node toNode(List<String> chunks) {
        long nodeSize = type == NodeType.FILE || type == NodeType.HARDLINK ? size : 0;
        return new Node(path, type, nodeSize, mode, uid, gid, user, group, mtime, inode, device, symlinkTarget,
                hardLinkTo, type == NodeType.FILE ? chunks : List.of());
    }

    /** This entry as a hard link to an earlier path of the same inode. */
    WalkEntry asHardLinkTo(String firstPath) {
        return new WalkEntry(path, file, NodeType.HARDLINK, size, mode, uid, gid, user, group, mtime, inode, device,
                links, null, firstPath);
    }
}
