package io.lifeboat.agent.pg.engine;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Passes a {@code pg_basebackup -Ft} tar stream through unchanged while reading its headers, and keeps the
 * {@code backup_label} entry and the end of the {@code backup_manifest} entry (where the WAL range is), so the
 * backup's LSNs come from the bytes that were stored rather than from a second query.
 *
 * <p>
 * Only ustar headers are parsed (name, prefix, size, including the base-256 sizes PostgreSQL writes for files over
 * 8 GiB); every entry's data is skipped in 512-byte records.
 */
final class BaseBackupTarTap extends FilterOutputStream {

    static final String LABEL = "backup_label";
    static final String MANIFEST = "backup_manifest";
    private static final int BLOCK = 512;
    /** The WAL ranges and checksum close the manifest; a few KiB hold them even with many timelines. */
    private static final int MANIFEST_TAIL = 64 * 1024;

    private final byte[] header = new byte[BLOCK];
    private int headerFill;
    private long dataLeft;
    private long paddingLeft;
    private String entry;
    private final ByteArrayOutputStream label = new ByteArrayOutputStream();
    private final TailBuffer manifestTail = new TailBuffer(MANIFEST_TAIL);
    private int entries;

    BaseBackupTarTap(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        inspect(b, off, len);
    }

    /** The text of {@code backup_label}, empty when the stream had none. */
    String label() {
        return label.toString(StandardCharsets.UTF_8);
    }

    /** The last bytes of {@code backup_manifest}, empty when the stream had none. */
    String manifestTail() {
        return manifestTail.text();
    }

    /** Tar entries seen, for the metadata and for tests. */
    int entries() {
        return entries;
    }

    private void inspect(byte[] b, int off, int len) {
        int end = off + len;
        int pos = off;
        while (pos < end) {
            if (dataLeft > 0) {
                int n = (int) Math.min(dataLeft, end - pos);
                keep(b, pos, n);
                dataLeft -= n;
                pos += n;
            } else if (paddingLeft > 0) {
                int n = (int) Math.min(paddingLeft, end - pos);
                paddingLeft -= n;
                pos += n;
            } else {
                int n = Math.min(BLOCK - headerFill, end - pos);
                System.arraycopy(b, pos, header, headerFill, n);
                headerFill += n;
                pos += n;
                if (headerFill == BLOCK) {
                    headerFill = 0;
                    readHeader();
                }
            }
        }
    }

    private void keep(byte[] b, int pos, int n) {
        if (LABEL.equals(entry)) {
            label.write(b, pos, n);
        } else if (MANIFEST.equals(entry)) {
            manifestTail.write(b, pos, n);
        }
    }

    private void readHeader() {
        if (header[0] == 0) {
            entry = null; // one of the two zero records that end the archive
            return;
        }
        entries++;
        String name = text(0, 100);
        String prefix = text(345, 155);
        String path = prefix.isEmpty() ? name : prefix + "/" + name;
        entry = path.startsWith("./") ? path.substring(2) : path;
        long size = size();
        dataLeft = size;
        paddingLeft = (BLOCK - size % BLOCK) % BLOCK;
    }

    private long size() {
        if ((header[124] & 0x80) != 0) {
            long value = 0;
            for (int i = 125; i < 136; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        String octal = text(124, 12).trim();
        return octal.isEmpty() ? 0 : Long.parseLong(octal, 8);
    }

    private String text(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    /** The last {@code capacity} bytes written. */
    private static final class TailBuffer {
        private final byte[] ring;
        private long written;

        TailBuffer(int capacity) {
            this.ring = new byte[capacity];
        }

        void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) {
                ring[(int) ((written + i) % ring.length)] = b[off + i];
            }
            written += len;
        }

        String text() {
            int size = (int) Math.min(written, ring.length);
            byte[] ordered = new byte[size];
            for (int i = 0; i < size; i++) {
                ordered[i] = ring[(int) ((written - size + i) % ring.length)];
            }
            return new String(ordered, StandardCharsets.UTF_8);
        }
    }
}
