package io.lifeboat.cli.ops;

import java.util.List;

import io.lifeboat.cli.ops.domain.Reports;
import io.lifeboat.cli.ops.domain.TargetSummary;

import picocli.CommandLine.Command;

/** {@code lifeboat rpo}: each target's lag against its RPO, worst first; exit code 3 when any is in breach. */
@Command(name = "rpo", mixinStandardHelpOptions = true, description = "Each target's lag against its RPO, worst "
        + "first.", exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:every target within its RPO",
                "1:the catalog could not be read", "3:at least one target is over its RPO"})
final class RpoCommand extends Verb {

    @Override
    public Integer call() {
        List<TargetSummary> targets = new CatalogClient(root().catalog()).targets();
        if (root().json()) {
            printJson(Reports.rpoLines(targets));
        } else {
            print(Reports.rpo(targets));
        }
        List<String> breaches = Reports.breaches(targets);
        if (breaches.isEmpty()) {
            return 0;
        }
        note("lifeboat rpo: " + breaches.size() + " target(s) over their RPO: " + String.join(", ", breaches));
        return LifeboatCommand.RPO_BREACHED;
    }
}
