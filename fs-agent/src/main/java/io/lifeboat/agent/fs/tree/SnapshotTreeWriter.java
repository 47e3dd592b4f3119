package io.lifeboat.agent.fs.tree;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a snapshot tree as JSON Lines (UTF-8, one object per line, "\n" after each): the header, the entries in
 * walk order, then the trailer with counts and the partial-failure list. The caller owns the stream: the writer
 * flushes it at {@link #finish(List)} but never closes it.
 */
public final class SnapshotTreeWriter {

    private final Writer out;
    private final EntryChecker checker = new EntryChecker();
    private boolean finished;

    /** Starts a tree on {@code stream} by writing its header line. */
    public SnapshotTreeWriter(OutputStream stream, TreeHeader header) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        if (!TreeHeader.FORMAT.equals(header.format())) {
            throw new IllegalArgumentException("unsupported snapshot tree format '" + header.format() + "'");
        }
        line(TreeJson.header(header));
    }

    /**
     * Writes one entry; entries must come in walk order with their parent directory first.
     *
     * @throws IllegalArgumentException when the entry breaks a tree rule, naming its path and the rule
     */
    public void write(Node node) throws IOException {
        if (finished) {
            throw new IllegalStateException("snapshot tree already finished");
        }
        String problem = checker.accept(node);
        if (problem != null) {
            throw new IllegalArgumentException("cannot write snapshot tree entry '"
                    + TreeFormatException.printable(node.path()) + "': " + problem);
        }
        line(TreeJson.entry(node));
    }

    /** Writes the trailer with the counts of the written entries and the given problems, and flushes. */
    public TreeTrailer finish(List<Problem> partial) throws IOException {
        if (finished) {
            throw new IllegalStateException("snapshot tree already finished");
        }
        finished = true;
        TreeTrailer trailer = new TreeTrailer(checker.entries(), checker.files(), checker.dirs(), checker.bytes(),
                partial);
        line(TreeJson.trailer(trailer));
        out.flush();
        return trailer;
    }

    private void line(String json) throws IOException {
        out.write(json);
        out.write('\n');
    }
}
