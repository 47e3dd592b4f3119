package io.lifeboat.cli.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.lifeboat.cli.ops.domain.TextTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code lifeboat policy apply -f FILE}: validates every policy of a policy file with the scheduler, then, when none
 * has a problem, defines each one.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false, description = "Defines the policies "
        + "of a policy file (the scheduler's YAML format): each is validated first (POST /api/policies/validate) and "
        + "nothing is applied if any has a problem; then each is PUT to /api/policies/TARGET. Exit 1 when one is "
        + "rejected.")
final class PolicyApplyCommand extends Verb {

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The policy file.")
    Path file;

    @Option(names = "--dry-run", description = "Only validate.")
    boolean dryRun;

    @Mixin
    Requester requester;

    @Override
    public Integer call() {
        List<PolicyYaml.Entry> entries = PolicyYaml.read(file);
        PolicyClient scheduler = new PolicyClient(root().scheduler());
        List<PolicyClient.Answer> checked = new ArrayList<>();
        for (PolicyYaml.Entry entry : entries) {
            checked.add(scheduler.validate(entry.targetId(), entry.policy()));
        }
        List<PolicyClient.Answer> rejected = checked.stream().filter(PolicyClient.Answer::rejected).toList();
        if (!rejected.isEmpty()) {
            report(checked);
            note(spec.qualifiedName() + ": nothing applied: " + rejected.size() + " of " + entries.size()
                    + " policies of " + file + " rejected");
            return 1;
        }
        if (dryRun) {
            report(checked);
            note("dry run: the " + entries.size() + " policies of " + file + " are valid; nothing applied");
            return 0;
        }
        List<PolicyClient.Answer> applied = new ArrayList<>();
        for (PolicyYaml.Entry entry : entries) {
            applied.add(scheduler.define(entry.targetId(), entry.policy(), requester.user()));
        }
        report(applied);
        return applied.stream().anyMatch(PolicyClient.Answer::rejected) ? 1 : 0;
    }

    /** The table (or JSON) of answers on standard output; every problem and warning on standard error. */
    private void report(List<PolicyClient.Answer> answers) {
        for (PolicyClient.Answer answer : answers) {
            answer.problems().forEach(p -> note(spec.qualifiedName() + ": target '" + p.targetId() + "': "
                    + p.field() + ": " + p.message()));
            answer.warnings().forEach(p -> note("warning: target '" + p.targetId() + "': " + p.field() + ": "
                    + p.message()));
        }
        if (root().json()) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            result.put("dryRun", dryRun);
            result.put("policies", answers);
            printJson(result);
            return;
        }
        TextTable table = new TextTable(List.of("TARGET", "ACTION", "PROBLEMS", "WARNINGS"), Set.of(2, 3));
        answers.forEach(a -> table.row(a.targetId(), a.action(), String.valueOf(a.problems().size()),
                String.valueOf(a.warnings().size())));
        print(table.render());
    }
}
