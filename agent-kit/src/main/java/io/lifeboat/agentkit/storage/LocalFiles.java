package io.lifeboat.agentkit.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.jboss.logging.Logger;

/** File-system details of {@link LocalObjectStore}: keys of files, temp files, fsync and the storage-class label. */
final class LocalFiles {

    /** The user extended attribute (xattr) that holds an object's tier. */
    static final String CLASS_ATTRIBUTE = "lifeboat.storage-class";

    private static final Logger LOG = Logger.getLogger(LocalFiles.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path root;
    private final boolean keepsClasses;

    LocalFiles(Path root) throws IOException {
        this.root = root;
        this.keepsClasses = Files.getFileStore(root).supportsFileAttributeView(UserDefinedFileAttributeView.class);
        if (!keepsClasses) {
            LOG.debugf("the file system of %s has no user extended attributes; every object reads back as HOT", root);
        }
    }

    /** Whether this file system keeps each object's tier; when not, every object reads back as HOT. */
    boolean keepsClasses() {
        return keepsClasses;
    }

    /** The key of a file under the root: its relative path with {@code /} separators. */
    String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /** Temp files are named {@code .<name>.<random>.tmp}; they are never objects. */
    static boolean isTempFile(Path file) {
        Path name = file.getFileName();
        String text = name == null ? "" : name.toString();
        return text.startsWith(".") && text.endsWith(".tmp");
    }

    /** A new, empty temp file beside {@code target}, creating the folders; retried when a delete prunes them. */
    Path createTemp(Path target) throws IOException {
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String name = "." + target.getFileName() + "." + HexFormat.of().formatHex(random) + ".tmp";
        for (int attempt = 1;; attempt++) {
            try {
                Files.createDirectories(target.getParent());
                return Files.createFile(target.resolveSibling(name));
            } catch (NoSuchFileException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Records the tier of a file, when the file system can. */
    void writeClass(Path file, StorageClass storageClass) throws IOException {
        if (keepsClasses) {
            UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
            try {
                view.write(CLASS_ATTRIBUTE, StandardCharsets.US_ASCII.encode(storageClass.name()));
            } catch (FileSystemException e) {
                // Some mounts announce xattrs and refuse them; the object is still stored and reads back as HOT.
                LOG.debugf("unable to label %s as %s: %s", file, storageClass, e);
            }
        }
    }

    /** What the store knows about one file. */
    ObjectInfo info(String key, Path file, BasicFileAttributes attributes) throws IOException {
        return new ObjectInfo(key, attributes.size(), readClass(file), attributes.lastModifiedTime().toInstant());
    }

    private StorageClass readClass(Path file) throws IOException {
        if (!keepsClasses) {
            return StorageClass.HOT;
        }
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        try {
            ByteBuffer buffer = ByteBuffer.allocate(32);
            view.read(CLASS_ATTRIBUTE, buffer);
            return StorageClass.valueOf(StandardCharsets.US_ASCII.decode(buffer.flip()).toString());
        } catch (FileSystemException | IllegalArgumentException e) {
            // A file written by other means (or copied without its xattrs) has no label: it counts as HOT.
            return StorageClass.HOT;
        }
    }

    /** Makes a rename inside {@code dir} durable; file systems that cannot open folders (Windows) are skipped. */
    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (UnsupportedOperationException | AccessDeniedException e) {
            LOG.debugf("unable to fsync folder %s: %s", dir, e);
        }
    }
}
