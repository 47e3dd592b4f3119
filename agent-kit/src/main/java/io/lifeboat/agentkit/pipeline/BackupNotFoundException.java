package io.lifeboat.agentkit.pipeline;

import java.io.FileNotFoundException;

/** A backup has no manifest: it was never completed, or it does not exist at all. */
public class BackupNotFoundException extends FileNotFoundException {

    private static final long serialVersionUID = 1L;

    /** The missing backup {@code backupId} of {@code targetId}, whose manifest would be at {@code manifestKey}. */
    public BackupNotFoundException(String targetId, String backupId, String manifestKey) {
        super(Names.backup(targetId, backupId) + " has no manifest: it does not exist or was never completed"
                + " (no object '" + manifestKey + "')");
    }
}
