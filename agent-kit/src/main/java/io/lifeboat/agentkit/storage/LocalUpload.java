package io.lifeboat.agentkit.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

/** One object being written by {@link LocalObjectStore}: a temp file renamed over the key's file on completion. */
final class LocalUpload implements ObjectUpload {

    private static final Logger LOG = Logger.getLogger(LocalUpload.class);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final String key;
    private final Path target;
    private final WriteOptions options;
    private final LocalFiles files;
    private final String location;
    private final Consumer<LocalUpload> onEnd;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream out;
    private boolean completed;
    private String abortedBecause;

    LocalUpload(String key, Path target, WriteOptions options, LocalFiles files, String location,
            Consumer<LocalUpload> onEnd) throws IOException {
        this.key = key;
        this.target = target;
        this.options = options;
        this.files = files;
        this.location = location;
        this.onEnd = onEnd;
        try {
            this.temp = files.createTemp(target);
            this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw failure(e);
        }
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_SIZE);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        ensureOpen();
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            abort();
            throw failure(e);
        }
    }

    @Override
    public synchronized ObjectInfo complete() throws IOException {
        ensureOpen();
        try {
            out.flush();
            channel.force(true);
            channel.close();
            files.writeClass(temp, options.storageClass());
            // rename(2) replaces the target in one step: readers see the old object or the new one, never a part.
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            LocalFiles.fsyncDirectory(target.getParent());
            completed = true;
            onEnd.accept(this);
            return files.info(key, target, Files.readAttributes(target, BasicFileAttributes.class));
        } catch (IOException e) {
            abort();
            throw failure(e);
        }
    }

    @Override
    public void abort() {
        abort("the upload was aborted");
    }

    /** Discards the temp file; {@code reason} is what later calls report. */
    synchronized void abort(String reason) {
        if (completed || abortedBecause != null) {
            return;
        }
        abortedBecause = reason;
        onEnd.accept(this);
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warnf("unable to delete temp file %s of object '%s': %s", temp, key, e);
        }
    }

    @Override
    public void close() {
        abort();
    }

    private void ensureOpen() throws IOException {
        if (completed) {
            throw new IOException("unable to upload object '" + key + "' to " + location + ": already completed");
        }
        if (abortedBecause != null) {
            throw new IOException("unable to upload object '" + key + "' to " + location + ": " + abortedBecause);
        }
    }

    private IOException failure(IOException cause) {
        return new IOException("unable to upload object '" + key + "' to " + location + ": " + cause, cause);
    }
}
