package io.lifeboat.agentkit.pipeline;

import java.io.IOException;

/** A stored artifact does not match its manifest: a part is missing, has the wrong size or the wrong checksum. */
public class CorruptArtifactException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient VerificationReport.Problem problem;

    /** The error for {@code problem}, whose message names the backup, the part and the cause. */
    public CorruptArtifactException(VerificationReport.Problem problem, Throwable cause) {
        super(problem.message(), cause);
        this.problem = problem;
    }

    /** What is wrong and with which part. */
    public VerificationReport.Problem problem() {
        return problem;
    }
}
