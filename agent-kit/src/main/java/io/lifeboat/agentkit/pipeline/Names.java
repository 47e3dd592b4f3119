package io.lifeboat.agentkit.pipeline;

/** How messages name a backup, so that every error of the pipeline reads the same. */
final class Names {

    private Names() {
    }

    static String backup(String targetId, String backupId) {
        return "backup '" + backupId + "' of target '" + targetId + "'";
    }
}
