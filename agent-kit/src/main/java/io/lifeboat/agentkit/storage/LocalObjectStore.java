package io.lifeboat.agentkit.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The object store of the embedded default: one file per object under a root directory, written to a temp file in
 * the same directory and renamed into place atomically when complete.
 */
public final class LocalObjectStore implements ObjectStore {

    private final Path root;
    private final String location;
    private final LocalFiles files;
    private final Set<LocalUpload> uploads = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** A store on {@code root}, created when absent. */
    public LocalObjectStore(Path root) throws IOException {
        try {
            this.root = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
        } catch (IOException e) {
            throw new IOException("unable to open local object store at " + root + ": " + e.getMessage(), e);
        }
        this.location = this.root.toUri().toString();
        this.files = new LocalFiles(this.root);
    }

    @Override
    public ObjectUpload upload(String key, WriteOptions options) throws IOException {
        Path target = resolve(key);
        LocalUpload upload = new LocalUpload(key, target, options, files, location, uploads::remove);
        uploads.add(upload);
        return upload;
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = resolve(key);
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException(key, location);
        } catch (IOException e) {
            throw new IOException("unable to read object '" + key + "' from " + location + ": " + e, e);
        }
    }

    /** Reads the range through a file channel positioned at {@code offset}, so nothing before it is read. */
    @Override
    public InputStream openRange(String key, long offset, long length) throws IOException {
        ObjectStore.checkRange(key, offset, length);
        Path file = resolve(key);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
            try {
                channel.position(offset);
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return new BoundedInputStream(Channels.newInputStream(channel), length);
        } catch (NoSuchFileException e) {
            throw new NoSuchObjectException(key, location);
        } catch (IOException e) {
            throw new IOException("unable to read bytes " + offset + ".." + (offset + length) + " of object '" + key
                    + "' from " + location + ": " + e, e);
        }
    }

    @Override
    public Optional<ObjectInfo> stat(String key) throws IOException {
        Path file = resolve(key);
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return attributes.isRegularFile() ? Optional.of(files.info(key, file, attributes)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        ensureOpen();
        // Walk only the deepest folder the prefix names in full; the rest of the prefix filters file names.
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<ObjectInfo> found = new ArrayList<>();
        try {
            // A file or folder deleted while the walk reaches it (an upload's temp file renamed or aborted, a folder
            // pruned by delete) is gone, so it is not listed; Files.walk would fail the whole listing instead.
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes walked) throws IOException {
                    String key = files.keyOf(file);
                    if (key.startsWith(prefix) && !LocalFiles.isTempFile(file)) {
                        try {
                            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                            if (attributes.isRegularFile()) {
                                found.add(files.info(key, file, attributes));
                            }
                        } catch (NoSuchFileException e) {
                            // Deleted while listing.
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null && !(e instanceof NoSuchFileException)) {
                        throw e;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new IOException("unable to list prefix '" + prefix + "' in " + location + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(ObjectInfo::key));
        return found;
    }

    @Override
    public void delete(String key) throws IOException {
        Path file = resolve(key);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new IOException("unable to delete object '" + key + "' from " + location + ": " + e, e);
        }
        // Prune folders left empty so that expired backups leave no trace; a concurrent upload re-creates them.
        for (Path dir = file.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
            try {
                Files.deleteIfExists(dir);
            } catch (DirectoryNotEmptyException e) {
                break;
            }
        }
    }

    @Override
    public String location() {
        return location;
    }

    /** Aborts uploads still open, so that their temp files do not outlive the store. */
    @Override
    public void close() {
        closed = true;
        for (LocalUpload upload : List.copyOf(uploads)) {
            upload.abort("the object store was closed");
        }
    }

    /** Whether this store's file system keeps each object's tier (user xattrs); when not, all read back as HOT. */
    boolean keepsClasses() {
        return files.keepsClasses();
    }

    /** The file of {@code key}; refuses keys that are not in normal form or would leave the root. */
    Path resolve(String key) throws IOException {
        ensureOpen();
        if (key == null || key.isEmpty() || key.startsWith("/") || key.indexOf('\\') >= 0 || key.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("object key '" + key + "' is not a relative key inside " + location);
        }
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root) || !files.keyOf(file).equals(key)) {
            throw new IllegalArgumentException("object key '" + key + "' escapes or is not in normal form inside "
                    + location);
        }
        if (LocalFiles.isTempFile(file)) {
            throw new IllegalArgumentException("object key '" + key + "' has the form of a temp file (.name.tmp)");
        }
        return file;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("local object store at " + location + " is closed");
        }
    }
}
