package io.lifeboat.cli.ops;

import java.util.List;

import io.lifeboat.cli.ops.domain.Reports;
import io.lifeboat.cli.ops.domain.TargetSummary;

import picocli.CommandLine.Command;

/** {@code lifeboat targets}: every target with its status, lag against RPO and newest backup. */
@Command(name = "targets", mixinStandardHelpOptions = true, description = "Every target in the catalog: engine, "
        + "status (GREEN/AMBER/RED/UNPROTECTED), RPO lag against the RPO, newest backup.")
final class TargetsCommand extends Verb {

    @Override
    public Integer call() {
        List<TargetSummary> targets = new CatalogClient(root().catalog()).targets();
        if (root().json()) {
            printJson(targets);
        } else {
            print(Reports.targets(targets));
        }
        return 0;
    }
}
