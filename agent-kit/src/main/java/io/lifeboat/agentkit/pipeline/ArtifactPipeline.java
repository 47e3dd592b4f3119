package io.lifeboat.agentkit.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.lifeboat.agentkit.crypto.ArtifactContext;
import io.lifeboat.agentkit.crypto.DataKey;
import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.crypto.WrongKeyException;
import io.lifeboat.agentkit.pipeline.VerificationReport.Kind;
import io.lifeboat.agentkit.pipeline.VerificationReport.Problem;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.NoSuchObjectException;
import io.lifeboat.agentkit.storage.ObjectInfo;
import io.lifeboat.agentkit.storage.ObjectStore;

/**
 * The streamed artifact pipeline of an agent: writes backups (zstd, Tink streaming AEAD under a fresh data key,
 * SHA-256 per part and whole, parts uploaded as they fill, manifest last), restores and verifies them. Thread-safe;
 * one per agent.
 */
public final class ArtifactPipeline {

    private final ObjectStore store;
    private final ArtifactLayout layout;
    private final MasterKey masterKey;
    private final PipelineSettings settings;

    /** A pipeline over {@code store}, with keys from {@code layout} and data keys wrapped by {@code masterKey}. */
    public ArtifactPipeline(ObjectStore store, ArtifactLayout layout, MasterKey masterKey, PipelineSettings settings) {
        this.store = store;
        this.layout = layout;
        this.masterKey = masterKey;
        this.settings = settings;
    }

    /** Begins writing one backup; refuses a backup that already has a manifest. */
    public ArtifactSink create(ArtifactSpec spec) throws IOException {
        String manifestKey = layout.manifest(spec.targetId(), spec.backupId());
        if (store.stat(manifestKey).isPresent()) {
            throw new IOException(spec.describe() + " already exists (object '" + manifestKey
                    + "'): a backup is written once");
        }
        return new StreamingArtifactSink(store, layout, masterKey, settings, spec);
    }

    /** The manifest of a backup, or empty when it has none (never completed, or no such backup). */
    public Optional<Manifest> manifest(String targetId, String backupId) throws IOException {
        String key = layout.manifest(targetId, backupId);
        try (InputStream in = store.open(key)) {
            return Optional.of(ManifestCodec.read(in.readAllBytes(), key));
        } catch (NoSuchObjectException e) {
            return Optional.empty();
        }
    }

    /** The manifests of every completed backup of a target, oldest first (by completion time). */
    public List<Manifest> manifests(String targetId) throws IOException {
        List<Manifest> found = new ArrayList<>();
        for (ObjectInfo info : store.list(layout.targetRoot(targetId))) {
            Optional<String> backupId = layout.manifestOwner(targetId, info.key());
            if (backupId.isPresent()) {
                manifest(targetId, backupId.get()).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(Manifest::completedAt));
        return found;
    }

    /**
     * The raw bytes of a backup. Every part's presence and size are checked before the first byte; while streaming,
     * each part's SHA-256 is checked before its last bytes are released and each encryption segment is authenticated
     * before its plaintext is; failures are {@link CorruptArtifactException}s naming the part.
     */
    public InputStream openForRestore(String targetId, String backupId) throws IOException {
        Manifest manifest = requireManifest(targetId, backupId);
        List<Problem> problems = checkPartsStored(manifest);
        if (!problems.isEmpty()) {
            throw new CorruptArtifactException(problems.get(0), null);
        }
        return new RestoreStream(manifest, new PartsInputStream(store, manifest), dataKey(manifest));
    }

    /**
     * Reads back a whole backup like {@code restic check --read-data}: sizes, SHA-256 of every part and of the
     * whole, the data key, every AEAD segment and the decompressed length; the output is discarded.
     */
    public VerificationReport verify(String targetId, String backupId) throws IOException {
        Manifest manifest = requireManifest(targetId, backupId);
        List<Problem> problems = checkPartsStored(manifest);
        if (!problems.isEmpty()) {
            return new VerificationReport(targetId, backupId, false, 0, 0, problems);
        }
        DataKey dataKey;
        try {
            dataKey = dataKey(manifest);
        } catch (WrongKeyException e) {
            return new VerificationReport(targetId, backupId, false, 0, 0,
                    List.of(new Problem(Kind.WRONG_KEY, Optional.empty(), e.getMessage())));
        }
        try (RestoreStream in = new RestoreStream(manifest, new PartsInputStream(store, manifest), dataKey)) {
            byte[] buffer = new byte[1 << 20];
            try {
                while (in.read(buffer, 0, buffer.length) >= 0) {
                    // Discarded: reading is what authenticates and checks.
                }
                return new VerificationReport(targetId, backupId, true, in.storedBytesRead(), in.rawBytesRead(),
                        List.of());
            } catch (CorruptArtifactException e) {
                return new VerificationReport(targetId, backupId, false, in.storedBytesRead(), in.rawBytesRead(),
                        List.of(e.problem()));
            }
        }
    }

    /**
     * Deletes one backup and returns the stored bytes released: the manifest first, so the backup leaves every
     * listing at once and is never seen half deleted, then its parts and any other object under its prefix (parts of
     * an attempt that never completed). Deleting a backup that is already gone releases what is left, if anything.
     */
    public long delete(String targetId, String backupId) throws IOException {
        String prefix = layout.backupPrefix(targetId, backupId);
        String manifestKey = layout.manifest(targetId, backupId);
        List<ObjectInfo> objects = store.list(prefix);
        long freed = 0;
        for (ObjectInfo info : objects) {
            if (info.key().equals(manifestKey)) {
                store.delete(info.key());
                freed += info.size();
            }
        }
        for (ObjectInfo info : objects) {
            if (!info.key().equals(manifestKey)) {
                store.delete(info.key());
                freed += info.size();
            }
        }
        return freed;
    }

    private Manifest requireManifest(String targetId, String backupId) throws IOException {
        return manifest(targetId, backupId).orElseThrow(
                () -> new BackupNotFoundException(targetId, backupId, layout.manifest(targetId, backupId)));
    }

    private DataKey dataKey(Manifest manifest) throws IOException {
        Manifest.Encryption encryption = manifest.encryption();
        if (!encryption.masterKeyId().equals(masterKey.keyId())) {
            throw new WrongKeyException(manifest.describe() + " was encrypted under master key '"
                    + encryption.masterKeyId() + "' but this agent holds master key '" + masterKey.keyId() + "'",
                    null);
        }
        byte[] context = ArtifactContext.of(manifest.targetId(), manifest.backupId());
        try {
            return DataKey.unwrap(masterKey, Base64.getDecoder().decode(encryption.wrappedDataKey()), context);
        } catch (WrongKeyException e) {
            throw new WrongKeyException("unable to unwrap the data key of " + manifest.describe()
                    + " recorded under master key '" + encryption.masterKeyId() + "': " + e.getMessage(), e);
        }
    }

    private List<Problem> checkPartsStored(Manifest manifest) throws IOException {
        List<Problem> problems = new ArrayList<>();
        for (Manifest.Part part : manifest.parts()) {
            Optional<ObjectInfo> info = store.stat(part.key());
            if (info.isEmpty()) {
                problems.add(new Problem(Kind.MISSING_PART, Optional.of(part.key()), "part '" + part.key() + "' of "
                        + manifest.describe() + " is missing from " + store.location()));
            } else if (info.get().size() != part.size()) {
                problems.add(new Problem(Kind.SIZE_MISMATCH, Optional.of(part.key()), "part '" + part.key()
                        + "' of " + manifest.describe() + " has " + info.get().size() + " bytes but the manifest says "
                        + part.size() + (info.get().size() < part.size() ? " (truncated)" : "")));
            }
        }
        return problems;
    }
}
