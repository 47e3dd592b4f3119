package io.lifeboat.cli.decrypt;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.cli.ops.domain.Human;
import io.lifeboat.cli.ops.domain.TextTable;

/** The {@code --list} output: one line (or JSON object) per backup of a target, read from the backups' manifests. */
public final class BackupListing {

    private static final List<String> HEADER = List.of("BACKUP", "TYPE", "ENGINE", "CREATED", "STORED", "PARTS");
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

    /** A table with a header line and aligned columns; sizes in binary units, sizes and counts right-aligned. */
    public String table() {
        TextTable table = new TextTable(HEADER, Set.of(4, 5));
        for (Row row : rows) {
            // Whole seconds are enough to tell backups apart by eye; the JSON keeps the full instant.
            String created = Instant.parse(row.created()).truncatedTo(ChronoUnit.SECONDS).toString();
            table.row(row.backupId(), row.type(), row.engine(), created, Human.size(row.storedBytes()),
                    Integer.toString(row.parts()));
        }
        return table.render();
    }

    /** The rows as a JSON array of objects with the fields of {@link Row}. */
    public String json() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rows) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unable to write the backup listing as JSON: " + e.getMessage(), e);
        }
    }
}
