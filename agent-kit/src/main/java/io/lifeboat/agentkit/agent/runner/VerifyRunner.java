package io.lifeboat.agentkit.agent.runner;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.lifeboat.agentkit.agent.VerifyEngine;
import io.lifeboat.agentkit.agent.VerifyEngine.VerifyFailure;
import io.lifeboat.agentkit.agent.domain.BackupIds;
import io.lifeboat.agentkit.agent.metrics.BackupMetrics;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.pipeline.VerificationReport;
import io.lifeboat.events.backup.BackupVerified;
import io.lifeboat.events.backup.VerificationFailed;
import io.lifeboat.events.backup.VerifyBackup;
import io.lifeboat.events.envelope.Envelope;

/**
 * Handles {@link VerifyBackup}: re-reads the whole artifact against its manifest (every part's size and SHA-256,
 * the data key, every AEAD segment, the decompressed length), then runs the engine's {@link VerifyEngine} when it
 * has one, and writes {@code BackupVerified} or {@code VerificationFailed}, counted in {@link BackupMetrics};
 * {@link CommandJobs} runs it.
 */
@ApplicationScoped
public class VerifyRunner {

    private static final Logger LOG = Logger.getLogger(VerifyRunner.class);

    @Inject
    Instance<VerifyEngine> engines;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    CommandJobs jobs;

    @Inject
    BackupMetrics metrics;

    /** Queues a verification; {@code ack} runs once its outcome fact is written. Returns at once. */
    public CompletionStage<Void> submit(Envelope<VerifyBackup> command, Supplier<CompletionStage<Void>> ack) {
        return jobs.submit(BackupIds.verifyId(command.payload()), command, ack, job -> counted(execute(job, command)));
    }

    private Envelope<?> counted(Envelope<?> outcome) {
        if (outcome != null && outcome.payload() instanceof BackupVerified verified) {
            metrics.verified(verified.targetId(), true);
        } else if (outcome != null && outcome.payload() instanceof VerificationFailed failed) {
            metrics.verified(failed.targetId(), false);
        }
        return outcome;
    }

    private Envelope<?> execute(CommandJobs.Job job, Envelope<VerifyBackup> command) {
        VerifyBackup verify = command.payload();
        String backup = "backup '" + verify.backupId() + "' of target '" + verify.targetId() + "'";
        Instant now = Instant.now();
        if (verify.deadline() != null && now.isAfter(verify.deadline())) {
            return failed(job, verify, "schedule", "verification of " + backup + " not started: its deadline "
                    + verify.deadline() + " passed before it could start at " + now, null);
        }
        try {
            Optional<Manifest> manifest = pipeline.manifest(verify.targetId(), verify.backupId());
            if (manifest.isEmpty()) {
                return failed(job, verify, "manifest", backup + " has no manifest: it never completed or was "
                        + "removed", null);
            }
            VerificationReport report = pipeline.verify(verify.targetId(), verify.backupId());
            if (!report.ok()) {
                VerificationReport.Problem first = report.problems().get(0);
                return failed(job, verify, step(first.kind()), first.message()
                        + (report.problems().size() > 1
                                ? " (and " + (report.problems().size() - 1)
                                        + " more problems)"
                                : ""),
                        manifest.get().sha256());
            }
            String summary = "every checksum matched";
            if (engines.isResolvable()) {
                summary += "; " + engines.get().verify(verify, manifest.get());
            }
            LOG.infof("%s verified: %d stored bytes read, %s", backup, report.bytesChecked(), summary);
            return job.outcome(".verified", new BackupVerified(verify.commandId(), verify.targetId(),
                    verify.backupId(), manifest.get().sha256(), report.bytesChecked(), Instant.now()));
        } catch (VerifyFailure e) {
            LOG.warnf("%s failed verification in step %s: %s", backup, e.step(), e.getMessage());
            return failed(job, verify, e.step(), e.getMessage(), null);
        } catch (Exception | Error e) {
            if (job.cancelledByShutdown()) {
                LOG.infof("verification of %s cancelled by shutdown; its command will be redelivered", backup);
                return null;
            }
            String reason = "verification of " + backup + (job.timedOut()
                    ? " exceeded the maximum duration and "
                            + "was cancelled"
                    : " could not run: " + e);
            LOG.warn(reason, e);
            return failed(job, verify, job.timedOut() ? "timeout" : "read", reason, null);
        }
    }

    private static String step(VerificationReport.Kind kind) {
        return switch (kind) {
            case MISSING_PART -> "download";
            case SIZE_MISMATCH, CHECKSUM_MISMATCH, WHOLE_CHECKSUM_MISMATCH -> "checksum";
            case WRONG_KEY -> "decrypt";
            case UNREADABLE -> "decode";
        };
    }

    private static Envelope<VerificationFailed> failed(CommandJobs.Job job, VerifyBackup verify, String step,
            String reason, String expectedSha256) {
        return job.outcome(".failed", new VerificationFailed(verify.commandId(), verify.targetId(),
                verify.backupId(), step, reason, expectedSha256, null, Instant.now()));
    }
}
