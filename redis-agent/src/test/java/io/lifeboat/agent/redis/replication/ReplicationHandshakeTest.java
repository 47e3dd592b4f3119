package io.lifeboat.agent.redis.replication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ReplicationHandshakeTest {

    private static final String MARK = "0123456789abcdefghij0123456789ABCDEFGHIJ";
    private static final ReplicationSource SOURCE = ReplicationSource.of("redis.example", 6379);

    private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
    private final ByteArrayOutputStream rdb = new ByteArrayOutputStream();

    @Test
    void copiesExactlyTheAnnouncedLengthAfterSkippingKeepAlives() throws IOException {
        RdbSnapshot snapshot = run(SOURCE, bytes("+OK\r\n+OK\r\n\n\n\n$5\r\nhelloEXTRA"), 1 << 20);

        assertThat(rdb.toString(StandardCharsets.US_ASCII)).isEqualTo("hello");
        assertThat(snapshot).isEqualTo(new RdbSnapshot(RdbFraming.LENGTH, 5, null, -1));
        assertThat(commands()).containsExactly("REPLCONF capa eof", "REPLCONF rdb-only 1", "SYNC");
    }

    @Test
    void ignoresAnErrorToRdbOnlyFromAServerThatDoesNotKnowIt() throws IOException {
        RdbSnapshot snapshot = run(SOURCE,
                bytes("+OK\r\n-ERR Unrecognized REPLCONF option: rdb-only\r\n$3\r\nabc"), 1 << 20);

        assertThat(snapshot.bytes()).isEqualTo(3);
        assertThat(rdb.toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void stopsAtTheEofMarkWhenItArrivesSplitAcrossReads() throws IOException {
        byte[] payload = new byte[200_000];
        new Random(1).nextBytes(payload);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes(bytes("+OK\r\n+OK\r\n\n$EOF:" + MARK + "\r\n"));
        wire.writeBytes(payload);
        // The mark is the last thing a primary sends until the replica acknowledges the payload.
        wire.writeBytes(bytes(MARK));

        for (int chunk : new int[]{7, 39, 40, 41, 1 << 20}) {
            rdb.reset();
            RdbSnapshot snapshot = run(SOURCE, wire.toByteArray(), chunk);

            assertThat(snapshot.framing()).as("chunks of %d", chunk).isEqualTo(RdbFraming.EOF_MARK);
            assertThat(snapshot.bytes()).isEqualTo(payload.length);
            assertThat(rdb.toByteArray()).isEqualTo(payload);
        }
    }

    @Test
    void keepsTheReplicationIdAndOffsetFromFullResync() throws IOException {
        String replid = "8c3b9f5e2a1d4c6b7e0f9a8b7c6d5e4f3a2b1c0d";
        RdbSnapshot snapshot = run(SOURCE.withSyncCommand(SyncCommand.PSYNC),
                bytes("+OK\r\n+OK\r\n+FULLRESYNC " + replid + " 12345\r\n\n\n$2\r\nok"), 1 << 20);

        assertThat(snapshot).isEqualTo(new RdbSnapshot(RdbFraming.LENGTH, 2, replid, 12345));
        assertThat(commands()).last().isEqualTo("PSYNC ? -1");
    }

    @Test
    void sendsAuthWithUserAndPasswordFirst() throws IOException {
        run(SOURCE.withUser("backup", "pass word"), bytes("+OK\r\n+OK\r\n+OK\r\n$1\r\nx"), 1 << 20);

        assertThat(commands()).containsExactly("AUTH backup pass word", "REPLCONF capa eof", "REPLCONF rdb-only 1",
                "SYNC");
    }

    @Test
    void sendsAuthWithThePasswordOnlyWhenNoUserIsGiven() throws IOException {
        run(SOURCE.withPassword("s3cret"), bytes("+OK\r\n+OK\r\n+OK\r\n$1\r\nx"), 1 << 20);

        assertThat(commands()).first().isEqualTo("AUTH s3cret");
    }

    @Test
    void failsNamingTheServerWhenThePasswordIsWrong() {
        assertThatThrownBy(() -> run(SOURCE.withPassword("nope"),
                bytes("-WRONGPASS invalid username-password pair or user is disabled.\r\n"), 1 << 20))
                .isInstanceOf(ReplicationException.class)
                .hasMessageContaining("redis.example:6379")
                .hasMessageContaining("authentication failed")
                .hasMessageContaining("WRONGPASS");
    }

    @Test
    void failsSayingAPasswordIsNeededWhenTheSourceAnswersNoAuth() {
        assertThatThrownBy(() -> run(SOURCE, bytes("-NOAUTH Authentication required.\r\n"), 1 << 20))
                .isInstanceOf(ReplicationException.class)
                .hasMessageContaining("redis.example:6379")
                .hasMessageContaining("requires authentication and no password was configured");
    }

    @Test
    void failsWithTheServersErrorWhenSyncIsRefused() {
        assertThatThrownBy(() -> run(SOURCE, bytes("+OK\r\n+OK\r\n-ERR Replica can't interact with the keyspace\r\n"),
                1 << 20))
                .hasMessage("redis redis.example:6379: SYNC failed: ERR Replica can't interact with the keyspace");
    }

    @Test
    void failsSayingHowManyBytesArrivedWhenTheLengthFramedPayloadIsCut() {
        assertThatThrownBy(() -> run(SOURCE, bytes("+OK\r\n+OK\r\n$100\r\n0123456789"), 3))
                .isInstanceOf(ReplicationException.class)
                .hasMessageContaining("redis.example:6379")
                .hasMessageContaining("the source closed the connection after 10 of 100 bytes");
    }

    @Test
    void failsSayingHowManyBytesArrivedWhenTheEofMarkNeverComes() {
        assertThatThrownBy(() -> run(SOURCE, bytes("+OK\r\n+OK\r\n$EOF:" + MARK + "\r\n" + "x".repeat(1000)), 64))
                .hasMessageContaining("the source closed the connection after 1000 bytes, before the end-of-payload");
    }

    @Test
    void failsWhenTheConnectionClosesBeforeThePayloadHeader() {
        assertThatThrownBy(() -> run(SOURCE, bytes("+OK\r\n+OK\r\n\n\n"), 1 << 20))
                .hasMessageContaining("closed the connection while waiting for the RDB payload after SYNC");
    }

    private RdbSnapshot run(ReplicationSource source, byte[] wire, int chunk) throws IOException {
        sent.reset();
        return new ReplicationHandshake(new Chunked(new ByteArrayInputStream(wire), chunk), sent, source).run(rdb);
    }

    /** The commands sent, each RESP array flattened to its arguments joined by spaces. */
    private List<String> commands() {
        String[] lines = sent.toString(StandardCharsets.UTF_8).split("\r\n");
        List<String> commands = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            int args = Integer.parseInt(lines[i].substring(1));
            StringBuilder command = new StringBuilder();
            for (int a = 0; a < args; a++) {
                command.append(a == 0 ? "" : " ").append(lines[i + 2 + 2 * a]);
            }
            commands.add(command.toString());
            i += 2 * args;
        }
        return commands;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Returns at most {@code chunk} bytes per read, as a socket may. */
    private static final class Chunked extends FilterInputStream {
        private final int chunk;

        Chunked(InputStream in, int chunk) {
            super(in);
            this.chunk = chunk;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
