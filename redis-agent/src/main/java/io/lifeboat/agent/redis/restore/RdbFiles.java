package io.lifeboat.agent.redis.restore;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.lifeboat.agent.redis.rdb.RdbChecksum;
import io.lifeboat.agent.redis.rdb.RdbKey;
import io.lifeboat.agent.redis.rdb.RdbKeyReader;

/** Writes a backup's RDB into a file while reading it key by key, so the file is known whole and counted. */
final class RdbFiles {

    private RdbFiles() {
    }

    /**
     * Copies {@code rdb} to {@code file} through a temporary sibling (fsync, then rename), counting keys and checking
     * the CRC-64 trailer on the way; a bad RDB leaves no file behind.
     *
     * @param what names the backup in errors
     */
    static LiveKeys write(InputStream rdb, Path file, String what) throws IOException {
        Path temp = file.resolveSibling("." + file.getFileName() + ".lifeboat-partial");
        LiveKeys keys = new LiveKeys();
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE), 1 << 20)) {
                CopyingInputStream copying = new CopyingInputStream(rdb, out);
                RdbKeyReader reader = new RdbKeyReader(copying);
                for (RdbKey key = reader.next(); key != null; key = reader.next()) {
                    keys.add(key);
                }
                check(reader.checksum(), what);
                copying.transferTo(OutputStream.nullOutputStream());
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return keys;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Fails unless the trailer matched (or the source wrote none). */
    static void check(RdbChecksum checksum, String what) throws IOException {
        if (checksum == RdbChecksum.MISMATCH || checksum == RdbChecksum.MISSING) {
            throw new IOException("the RDB of " + what + " fails its CRC-64 check (" + checksum.name().toLowerCase()
                    + ")");
        }
    }
}
