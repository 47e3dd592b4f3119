package io.lifeboat.agent.fs.repo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.SplittableRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

import io.lifeboat.agent.fs.chunk.ChunkerSettings;
import io.lifeboat.agent.fs.chunk.FastCdc;
import io.lifeboat.agentkit.crypto.LocalKeyFileMasterKey;
import io.lifeboat.agentkit.storage.LocalObjectStore;
import io.lifeboat.agentkit.storage.WriteOptions;

/**
 * Prints single-thread throughput of the chunker, the chunk id, the blob codec and the two AES-GCM implementations on
 * 1 MiB buffers; run by hand ({@code java ... ThroughputBench}), never by the test suite. Prints only.
 */
public final class ThroughputBench {

    private static final int MIB = 1024 * 1024;

    private ThroughputBench() {
    }

    /** Runs every measurement three times and prints the last (the first ones warm the JIT). */
    public static void main(String[] args) throws Exception {
        byte[] random = random(256 * MIB, 1);
        byte[] text = text(64 * MIB);
        Path tmp = Files.createTempDirectory("lifeboat-bench");
        LocalObjectStore store = new LocalObjectStore(tmp.resolve("store"));
        RepositoryKeys keys = RepositoryKeys.openOrCreate(store,
                new RepositoryLayout(new io.lifeboat.agentkit.storage.ArtifactLayout(), "bench"),
                LocalKeyFileMasterKey.openOrCreate(tmp.resolve("master.key")), "bench", WriteOptions.HOT);
        BlobCodec codec = new BlobCodec(keys, 3);
        for (int round = 0; round < 3; round++) {
            boolean print = round == 2;
            chunker(random, print);
            ids(keys, random, print);
            codec(codec, keys, random, "random", print);
            codec(codec, keys, text, "text", print);
            ciphers(random, print);
        }
        store.close();
    }

    private static void chunker(byte[] data, boolean print) throws IOException {
        FastCdc chunker = new FastCdc(ChunkerSettings.DEFAULT);
        long[] count = {0};
        long start = System.nanoTime();
        chunker.split(new ByteArrayInputStream(data), (b, o, l) -> count[0]++);
        report(print, "FastCdc split (random data)", data.length, start);
    }

    private static void ids(RepositoryKeys keys, byte[] data, boolean print) {
        long start = System.nanoTime();
        for (int off = 0; off + MIB <= data.length; off += MIB) {
            keys.id(data, off, MIB);
        }
        report(print, "chunk id HMAC-SHA256", data.length, start);
    }

    private static void codec(BlobCodec codec, RepositoryKeys keys, byte[] data, String what, boolean print)
            throws IOException {
        int n = data.length / MIB;
        ChunkId[] ids = new ChunkId[n];
        byte[][] blobs = new byte[n][];
        for (int i = 0; i < n; i++) {
            ids[i] = keys.id(data, i * MIB, MIB);
        }
        long start = System.nanoTime();
        long stored = 0;
        for (int i = 0; i < n; i++) {
            blobs[i] = codec.encode(ids[i], data, i * MIB, MIB);
            stored += blobs[i].length;
        }
        report(print, "BlobCodec encode (" + what + ", stored " + (100 * stored / data.length) + "%)", data.length,
                start);
        start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            codec.decode(ids[i], blobs[i], 0, blobs[i].length, MIB, "bench");
        }
        report(print, "BlobCodec decode incl. id check (" + what + ")", data.length, start);
    }

    private static void ciphers(byte[] data, boolean print) throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, "AES");
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] out = new byte[MIB + 16];
        byte[] nonce = new byte[12];
        SecureRandom random = new SecureRandom();
        long start = System.nanoTime();
        for (int off = 0; off + MIB <= data.length; off += MIB) {
            random.nextBytes(nonce);
            cipher.init(Cipher.ENCRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(nonce);
            cipher.doFinal(data, off, MIB, out, 0);
        }
        report(print, "javax.crypto AES/GCM/NoPadding encrypt", data.length, start);
        byte[] plain = new byte[MIB];
        start = System.nanoTime();
        for (int off = 0; off + MIB <= data.length; off += MIB) {
            cipher.init(Cipher.DECRYPT_MODE, spec, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(nonce);
            cipher.doFinal(out, 0, out.length, plain, 0);
        }
        report(print, "javax.crypto AES/GCM/NoPadding decrypt", data.length, start);
        AeadConfig.register();
        Aead aead = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] chunk = new byte[MIB];
        start = System.nanoTime();
        for (int off = 0; off + MIB <= data.length; off += MIB) {
            // Tink takes whole arrays only: the copy is part of what using it costs.
            System.arraycopy(data, off, chunk, 0, MIB);
            aead.encrypt(chunk, nonce);
        }
        report(print, "Tink Aead AES256_GCM encrypt", data.length, start);
    }

    private static void report(boolean print, String what, long bytes, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (print) {
            System.out.printf("%-60s %8.0f MB/s%n", what, bytes / 1e6 / seconds);
        }
    }

    private static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i++) {
            data[i] = (byte) random.nextInt(256);
        }
        return data;
    }

    private static byte[] text(int size) {
        String[] words = {"backup ", "restore ", "chunk ", "pack ", "index ", "target ", "lifeboat ", "sweep\n"};
        byte[] data = new byte[size];
        SplittableRandom random = new SplittableRandom(2);
        int i = 0;
        while (i < size) {
            byte[] word = words[random.nextInt(words.length)].getBytes();
            int n = Math.min(word.length, size - i);
            System.arraycopy(word, 0, data, i, n);
            i += n;
        }
        return data;
    }
}
