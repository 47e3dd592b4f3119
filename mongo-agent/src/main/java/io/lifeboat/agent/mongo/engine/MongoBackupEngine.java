package io.lifeboat.agent.mongo.engine;

import java.io.OutputStream;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.mongodb.reactivestreams.client.MongoClient;

import io.lifeboat.agent.mongo.config.MongoTargets;
import io.lifeboat.agentkit.agent.BackupEngine;
import io.lifeboat.events.Engine;
import io.lifeboat.events.backup.BackupType;
import io.lifeboat.events.backup.RunBackup;

/**
 * The mongo-agent's engine adapter: a LOGICAL (or FULL) backup of a target is a logical dump in mongodump's archive
 * format, with the oplog slice that makes it consistent to one point; other backup types are refused with a reason.
 */
@ApplicationScoped
public class MongoBackupEngine implements BackupEngine {

    @Inject
    MongoTargets targets;

    @Override
    public Engine engine() {
        return Engine.MONGODB;
    }

    @Override
    public Map<String, Object> backup(RunBackup command, OutputStream out) throws Exception {
        if (command.backupType() != BackupType.LOGICAL && command.backupType() != BackupType.FULL) {
            throw new UnsupportedOperationException("backup type " + command.backupType() + " of target '"
                    + command.targetId() + "' is not supported by the mongo-agent (LOGICAL, FULL: a logical dump)");
        }
        MongoTarget target = targets.get(command.targetId());
        try (MongoClient client = SourceMember.pin(target, target.client())) {
            return new MongoDumper(target, client).dump(out);
        }
    }
}
