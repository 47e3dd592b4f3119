package io.lifeboat.cli.decrypt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.cli.ops.domain.Human;

/** The {@code --list} output: one line (or JSON object) per backup of a target, read from the backups' manifests. */
public final class BackupListing {

    private static final String[] HEADER = {"BACKUP", "TYPE", "ENGINE", "CREATED", "STORED", "PARTS"};
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Row> rows;

    /**
     * One backup.
     *
     * @param backupId the backup's id
     * @param type the backup type, e.g. {@code FULL}
     * @param engine the engine that wrote it, e.g. {@code POSTGRES}
     * @param created when the backup was completed (its manifest written), ISO-8601 UTC
     * @param storedBytes bytes stored, the sum of its parts
     * @param parts how many parts it is stored in
     */
    public record Row(String backupId, String type, String engine, String created, long storedBytes, int parts) {
    }

    /** The listing of {@code manifests}, in the order given. */
    public BackupListing(List<Manifest> manifests) {
        this.rows = manifests.stream()
                .map(m -> new Row(m.backupId(), m.type().name(), m.engine().name(), m.completedAt().toString(),
                        m.sizes().stored(), m.parts().size()))
                .toList();
    }

    /** The rows, oldest first when the manifests were. */
    public List<Row> rows() {
        return rows;
    }

    /** A table with a header line and aligned columns; sizes in binary units. */
    public String table() {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row row : rows) {
            // Whole seconds are enough to tell backups apart by eye; the JSON keeps the full instant.
            String created = Instant.parse(row.created()).truncatedTo(ChronoUnit.SECONDS).toString();
            lines.add(new String[]{row.backupId(), row.type(), row.engine(), created, Human.size(row.storedBytes()),
                    Integer.toString(row.parts())});
        }
        int[] widths = new int[HEADER.length];
        for (String[] line : lines) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                // Sizes and counts are right-aligned so that their magnitudes line up.
                String cell = pad(line[i], widths[i], i >= 4);
                text.append(i == 0 ? "" : "  ").append(cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The rows as a JSON array of objects with the fields of {@link Row}. */
    public String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unable to write the backup listing as JSON: " + e.getMessage(), e);
        }
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
