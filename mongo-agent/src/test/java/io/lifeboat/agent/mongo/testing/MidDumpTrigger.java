package io.lifeboat.agent.mongo.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * An archive sink that runs an action once, on the dumping thread, after a given number of bytes: the dump is then
 * paused in the middle of a collection, its oplog start position already taken and its end not yet.
 */
public final class MidDumpTrigger extends OutputStream {

    /** What runs mid-dump. */
    public interface Action {
        void run() throws Exception;
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long after;
    private final Action action;
    private boolean fired;

    /** Runs {@code action} once more than {@code after} bytes were written. */
    public MidDumpTrigger(long after, Action action) {
        this.after = after;
        this.action = action;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        bytes.write(b, off, len);
        if (!fired && bytes.size() > after) {
            fired = true;
            try {
                action.run();
            } catch (Exception e) {
                throw new IOException("mid-dump action failed: " + e, e);
            }
        }
    }

    /** Whether the action ran. */
    public boolean fired() {
        return fired;
    }

    /** Everything written. */
    public byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
