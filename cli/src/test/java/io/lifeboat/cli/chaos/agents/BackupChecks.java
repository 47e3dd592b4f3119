package io.lifeboat.cli.chaos.agents;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.pipeline.VerificationReport;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;
import io.lifeboat.events.LifeboatMessage;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.backup.VerifyBackup;

/**
 * Checks every completed backup after the rounds, twice: read back here through the artifact pipeline (every part's
 * size and SHA-256, the data key, every AEAD segment, as {@code lifeboat decrypt} reads it), and verified by its own
 * agent with {@code VerifyBackup} (which also restores it where the engine can); and audits each target's objects
 * against the facts ({@link StoreAudit}).
 */
final class BackupChecks {

    private static final Duration VERIFY_PATIENCE = Duration.ofMinutes(4);

    private final ObjectStore store;
    private final ArtifactPipeline pipeline;
    private final ArtifactLayout layout = new ArtifactLayout();

    /**
     * What the checks found.
     *
     * @param unreadable completed backups that one of the checks could not read back
     * @param unanswered agents that answered none of their verifications: they stopped consuming
     * @param findings one line per unreadable backup, unanswered verification and store mismatch
     * @param notes the leftovers of unfinished attempts, and the time the checks took
     */
    record Result(int unreadable, Set<String> unanswered, List<String> findings, List<String> notes) {
    }

    BackupChecks(ObjectStore store, MasterKey masterKey) {
        this.store = store;
        this.pipeline = new ArtifactPipeline(store, layout, masterKey, PipelineSettings.defaults());
    }

    /**
     * Runs every check.
     *
     * @param completions the completed backups, by backup id
     * @param agentOf the agent name per engine target
     * @param targets every target of the scenario
     * @param feed the facts, where the verifications' outcomes arrive
     * @param sender where the verifications go
     */
    Result check(Map<String, BackupCompleted> completions, Map<String, String> agentOf, List<String> targets,
            FactFeed feed, CommandSender sender) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        List<String> findings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Map<String, String> verifyCommands = new HashMap<>();
        for (BackupCompleted backup : completions.values()) {
            String commandId = "chaos-verify-" + backup.backupId();
            verifyCommands.put(backup.backupId(), commandId);
            sender.send(new VerifyBackup(commandId, backup.targetId(), backup.engine(), backup.backupId(),
                    CommandSender.SOURCE, null, 1));
        }
        Set<String> bad = new LinkedHashSet<>();
        for (BackupCompleted backup : completions.values()) {
            VerificationReport report = pipeline.verify(backup.targetId(), backup.backupId());
            if (!report.ok()) {
                bad.add(backup.backupId());
                findings.add("completed backup " + backup.backupId() + " of " + backup.targetId() + " does not read "
                        + "back: " + report.problems().get(0).message());
            }
        }
        long readBack = System.nanoTime();
        Map<String, Integer> answered = new HashMap<>();
        Set<String> unanswered = new LinkedHashSet<>();
        long deadline = System.nanoTime() + VERIFY_PATIENCE.toNanos();
        for (BackupCompleted backup : completions.values()) {
            String agent = agentOf.get(backup.targetId());
            Optional<LifeboatMessage> outcome = feed.awaitVerification(verifyCommands.get(backup.backupId()),
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (outcome.isEmpty()) {
                unanswered.add(agent);
                findings.add(agent + " did not answer VerifyBackup of " + backup.backupId() + " within "
                        + VERIFY_PATIENCE.toSeconds() + " s");
            } else {
                answered.merge(agent, 1, Integer::sum);
                if (outcome.get() instanceof VerificationFailed failed) {
                    bad.add(backup.backupId());
                    findings.add(agent + " could not verify completed backup " + backup.backupId() + " in step "
                            + failed.failedStep() + ": " + failed.reason());
                }
            }
        }
        // An agent that answered some verifications still consumes: a late one is a finding, not a stopped consumer.
        unanswered.removeAll(answered.keySet());
        notes.add(String.format("%d completed backups read back here in %.1f s and verified by their agents in "
                + "%.1f s more", completions.size(), (readBack - t0) / 1e9, (System.nanoTime() - readBack) / 1e9));
        for (String target : targets) {
            StoreAudit audit = audit(target, completions.values().stream()
                    .filter(c -> c.targetId().equals(target)).map(BackupCompleted::backupId)
                    .collect(Collectors.toSet()));
            findings.addAll(audit.findings());
            notes.add(target + ": " + audit.unfinishedAttempts() + " unfinished attempts and "
                    + audit.leftoverObjects() + " leftover objects in the store");
            notes.addAll(audit.leftovers());
        }
        return new Result(bad.size(), unanswered, findings, notes);
    }

    private StoreAudit audit(String target, Set<String> completed) throws IOException {
        String root = layout.targetRoot(target);
        List<String> keys = store.list(root).stream().map(ObjectInfo::key).map(k -> k.substring(root.length()))
                .toList();
        Map<String, Set<String>> parts = new HashMap<>();
        for (Manifest manifest : pipeline.manifests(target)) {
            parts.put(manifest.backupId(), manifest.parts().stream().map(p -> p.key().substring(root.length()))
                    .collect(Collectors.toSet()));
        }
        return StoreAudit.of(target, keys, parts, completed);
    }
}
