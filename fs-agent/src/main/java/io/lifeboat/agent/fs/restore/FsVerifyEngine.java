package io.lifeboat.agent.fs.restore;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.lifeboat.agent.fs.engine.FsRepositories;
import io.lifeboat.agent.fs.repo.CheckReport;
import io.lifeboat.agent.fs.repo.ChunkId;
import io.lifeboat.agent.fs.repo.Repository;
import io.lifeboat.agent.fs.repo.RepositoryCheck;
import io.lifeboat.agent.fs.tree.Node;
import io.lifeboat.agent.fs.tree.SnapshotTreeReader;
import io.lifeboat.agentkit.agent.VerifyEngine;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.events.backup.VerifyBackup;

/**
 * Verifies a file snapshot like {@code restic check --read-data}: every chunk its tree references must be listed in
 * the repository's index and its stored blob must decrypt, decompress and hash to its id; missing and bad chunks are
 * reported by the files they belong to.
 */
@ApplicationScoped
public class FsVerifyEngine implements VerifyEngine {

    private static final int NAMED = 10;

    @Inject
    ArtifactPipeline pipeline;

    @Inject
    FsRepositories repositories;

    @Override
    public String verify(VerifyBackup command, Manifest backup) throws Exception {
        Map<ChunkId, String> firstFile = new LinkedHashMap<>();
        long files = 0;
        try (InputStream in = pipeline.openForRestore(backup.targetId(), backup.backupId())) {
            SnapshotTreeReader reader = new SnapshotTreeReader(in);
            Optional<Node> next;
            while ((next = reader.next()).isPresent()) {
                Node node = next.get();
                if (!node.chunks().isEmpty()) {
                    files++;
                }
                for (String chunk : node.chunks()) {
                    firstFile.putIfAbsent(ChunkId.parse(chunk), node.path());
                }
            }
        }
        CheckReport report;
        try (Repository repository = repositories.open(backup.targetId())) {
            report = new RepositoryCheck(repository).check(firstFile.keySet(), true);
        }
        if (!report.missing().isEmpty() || !report.bad().isEmpty()) {
            throw new VerifyFailure("read-data", describe(backup, firstFile, report));
        }
        return firstFile.size() + " chunks of " + files + " files read back, each decrypted and hashed to its id";
    }

    private static String describe(Manifest backup, Map<ChunkId, String> firstFile, CheckReport report) {
        List<String> problems = new ArrayList<>();
        report.bad().forEach((id, why) -> problems.add("file '" + firstFile.get(id) + "': chunk " + id.hex()
                + " is bad (" + why + ")"));
        report.missing().forEach(id -> problems.add("file '" + firstFile.get(id) + "': chunk " + id.hex()
                + " is missing"));
        String shown = String.join("; ", problems.subList(0, Math.min(NAMED, problems.size())));
        return "snapshot '" + backup.backupId() + "' of target '" + backup.targetId() + "': " + report.bad().size()
                + " bad and " + report.missing().size() + " missing of " + report.referenced() + " chunks: " + shown
                + (problems.size() > NAMED ? "; and " + (problems.size() - NAMED) + " more" : "");
    }
}
