package io.lifeboat.agentkit.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Deterministic test bytes: compressible table-like rows, incompressible noise, and searching in bytes. */
final class TestData {

    private TestData() {
    }

    /** Text rows, about 3:1 compressible. */
    static byte[] rows(int size, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder(size + 200);
        for (int id = 1; text.length() < size; id++) {
            text.append(id).append('\t').append(random.nextInt(1000)).append('\t').append(random.nextInt())
                    .append('\t').append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36))
                    .append("                                        \n");
        }
        byte[] bytes = new byte[size];
        System.arraycopy(text.toString().getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, size);
        return bytes;
    }

    /** Random bytes, which zstd cannot shrink: their stored size is about their raw size. */
    static byte[] noise(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
