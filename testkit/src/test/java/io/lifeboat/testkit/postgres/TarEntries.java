package io.lifeboat.testkit.postgres;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the entries of a small ustar file (as written by pg_basebackup -Ft) into memory, name to content. */
final class TarEntries {

    private TarEntries() {
    }

    static Map<String, byte[]> read(Path tar) throws IOException {
        byte[] bytes = Files.readAllBytes(tar);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        int offset = 0;
        while (offset + 512 <= bytes.length && bytes[offset] != 0) {
            String name = field(bytes, offset, 100);
            String prefix = field(bytes, offset + 345, 155);
            long size = Long.parseLong(field(bytes, offset + 124, 12).trim(), 8);
            String fullName = prefix.isEmpty() ? name : prefix + "/" + name;
            byte[] content = new byte[(int) size];
            System.arraycopy(bytes, offset + 512, content, 0, (int) size);
            entries.put(fullName, content);
            offset += 512 + (int) ((size + 511) / 512) * 512;
        }
        return entries;
    }

    private static String field(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
