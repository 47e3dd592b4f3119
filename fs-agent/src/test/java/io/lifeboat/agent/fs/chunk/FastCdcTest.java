package io.lifeboat.agent.fs.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FastCdcTest {

    private static final ChunkerSettings SMALL = new ChunkerSettings(16 * 1024, 64 * 1024, 256 * 1024);

    @Test
    void keepsEveryChunkButTheLastWithinMinAndMax() throws IOException {
        byte[] data = random(20 * 1024 * 1024 + 12_345, 1);

        List<Integer> lengths = lengths(new FastCdc(ChunkerSettings.DEFAULT), data);

        assertThat(lengths.subList(0, lengths.size() - 1)).allSatisfy(length -> assertThat(length)
                .isBetween(ChunkerSettings.DEFAULT.min(), ChunkerSettings.DEFAULT.max()));
        assertThat(lengths.get(lengths.size() - 1)).isBetween(1, ChunkerSettings.DEFAULT.max());
        assertThat(lengths.stream().mapToLong(Integer::longValue).sum()).isEqualTo(data.length);
    }

    @Test
    void cutsAtMaxWhenTheContentNeverMatchesTheMask() throws IOException {
        byte[] zeros = new byte[3 * SMALL.max() + 10];

        List<Integer> lengths = lengths(new FastCdc(SMALL), zeros);

        assertThat(lengths).containsExactly(SMALL.max(), SMALL.max(), SMALL.max(), 10);
    }

    @Test
    void cutsAtTheSameBoundariesWhateverTheReadSizes() throws IOException {
        byte[] data = random(6 * 1024 * 1024, 2);
        FastCdc chunker = new FastCdc(SMALL);

        List<Integer> whole = lengths(chunker, data);
        List<Integer> trickled = new ArrayList<>();
        chunker.split(new TrickleStream(new ByteArrayInputStream(data), 7_777), (b, o, l) -> trickled.add(l));

        assertThat(trickled).isEqualTo(whole).hasSizeGreaterThan(20);
    }

    @Test
    void keepsTheBoundariesOfThePinnedGearTable() throws IOException {
        // Boundaries decide deduplication across versions: a change to the gear table or the masks breaks this.
        byte[] data = random(1024 * 1024, 42);

        List<Integer> lengths = lengths(new FastCdc(SMALL), data);

        assertThat(lengths.subList(0, 6)).containsExactly(PINNED);
    }

    private static final Integer[] PINNED = {82_132, 67_250, 68_497, 80_254, 59_654, 84_793};

    @Test
    void realignsAfterBytesAreInsertedNearTheStart() throws IOException {
        byte[] original = random(32 * 1024 * 1024, 3);
        byte[] shifted = new byte[original.length + 100];
        System.arraycopy(original, 0, shifted, 0, 5_000);
        Arrays.fill(shifted, 5_000, 5_100, (byte) 7);
        System.arraycopy(original, 5_000, shifted, 5_100, original.length - 5_000);
        FastCdc chunker = new FastCdc(ChunkerSettings.DEFAULT);

        List<String> before = contents(chunker, original);
        List<String> after = contents(chunker, shifted);

        assertThat(before).hasSizeGreaterThan(10);
        assertThat(after.get(0)).isNotEqualTo(before.get(0));
        assertThat(after.subList(1, after.size())).isEqualTo(before.subList(1, before.size()));
    }

    @Test
    void averagesWithinAQuarterOfTheTargetOn64MiBOfRandomData() throws IOException {
        byte[] data = random(64 * 1024 * 1024, 4);

        List<Integer> lengths = lengths(new FastCdc(ChunkerSettings.DEFAULT), data);

        double mean = (double) data.length / lengths.size();
        assertThat(mean).isBetween(0.75 * ChunkerSettings.DEFAULT.avg(), 1.25 * ChunkerSettings.DEFAULT.avg());
    }

    @Test
    void givesNoChunkForAnEmptyStream() throws IOException {
        List<Integer> lengths = lengths(new FastCdc(ChunkerSettings.DEFAULT), new byte[0]);

        assertThat(lengths).isEmpty();
    }

    @Test
    void refusesSizesOutOfOrder() {
        assertThatThrownBy(() -> new ChunkerSettings(1024 * 1024, 1024 * 1024, 4 * 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min=1048576");
    }

    static List<Integer> lengths(FastCdc chunker, byte[] data) throws IOException {
        List<Integer> lengths = new ArrayList<>();
        chunker.split(new ByteArrayInputStream(data), (b, o, l) -> lengths.add(l));
        return lengths;
    }

    private static List<String> contents(FastCdc chunker, byte[] data) throws IOException {
        List<String> chunks = new ArrayList<>();
        chunker.split(new ByteArrayInputStream(data),
                (b, o, l) -> chunks.add(l + ":" + Arrays.hashCode(Arrays.copyOfRange(b, o, o + l))));
        return chunks;
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < size; i += 8) {
            long v = random.nextLong();
            for (int j = 0; j < 8 && i + j < size; j++) {
                data[i + j] = (byte) (v >>> (8 * j));
            }
        }
        return data;
    }

    /** Returns at most {@code max} bytes per read, like a slow pipe. */
    private static final class TrickleStream extends FilterInputStream {
        private final int max;

        TrickleStream(InputStream in, int max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, max));
        }
    }
}
