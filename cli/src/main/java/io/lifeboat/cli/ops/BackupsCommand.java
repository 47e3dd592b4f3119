package io.lifeboat.cli.ops;

import java.util.List;

import io.lifeboat.cli.ops.domain.BackupSummary;
import io.lifeboat.cli.ops.domain.Reports;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code lifeboat backups TARGET}: a target's backups in the catalog, newest first. */
@Command(name = "backups", mixinStandardHelpOptions = true, description = "A target's backups, newest first: id, "
        + "type, phase, completed, size, verified.")
final class BackupsCommand extends Verb {

    @Parameters(paramLabel = "TARGET", description = "The target.")
    String target;

    @Override
    public Integer call() {
        List<BackupSummary> backups = new CatalogClient(root().catalog()).backups(target);
        if (root().json()) {
            printJson(backups);
        } else {
            print(Reports.backups(backups));
        }
        return 0;
    }
}
