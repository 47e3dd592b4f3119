package io.lifeboat.agentkit.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.EnumSet;
import java.util.Set;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;

/**
 * A master key kept in a local file (the embedded default): a Tink AES256_GCM keyset in Tink's JSON format, created
 * on first use with permissions 0600 and refused when group or others may access it.
 */
public final class LocalKeyFileMasterKey implements MasterKey {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Path file;
    private final String keyId;
    private final Aead aead;

    private LocalKeyFileMasterKey(Path file, KeysetHandle keyset) throws GeneralSecurityException {
        this.file = file;
        // Tink's key id is random, fixed when the key is created and public: a stable name that reveals nothing.
        this.keyId = String.format("local:%08x", keyset.getPrimary().getId());
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** Loads the key in {@code file}, creating the file (mode 0600, parent folders too) when it does not exist. */
    public static LocalKeyFileMasterKey openOrCreate(Path file) throws IOException {
        TinkSetup.register();
        if (!Files.exists(file)) {
            create(file);
        }
        return load(file);
    }

    private static void create(Path file) throws IOException {
        try {
            String json = TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Written to a private temporary file first, so the key file never exists half-written or world-readable.
            Path tmp = Files.createTempFile(parent, ".lifeboat-key-", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            try {
                Files.writeString(tmp, json, StandardCharsets.UTF_8);
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException e) {
                // Another process created the key first: use theirs.
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException("unable to create master key file '" + file + "': " + e.getMessage(), e);
        }
    }

    private static LocalKeyFileMasterKey load(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
            throw new IOException("refusing master key file '" + file + "': its permissions are "
                    + PosixFilePermissions.toString(permissions)
                    + " but must not allow group or others any access; run 'chmod 600 " + file + "'");
        }
        try {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            return new LocalKeyFileMasterKey(file,
                    TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IOException("master key file '" + file + "' does not hold a Tink AEAD keyset: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String keyId() {
        return keyId;
    }

    /** The file this key was read from. */
    public Path file() {
        return file;
    }

    @Override
    public byte[] wrap(byte[] dataKey, byte[] context) throws IOException {
        try {
            return aead.encrypt(dataKey, context);
        } catch (GeneralSecurityException e) {
            throw new IOException("unable to wrap a data key with master key '" + keyId + "': " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] unwrap(byte[] wrappedDataKey, byte[] context) throws IOException {
        try {
            return aead.decrypt(wrappedDataKey, context);
        } catch (GeneralSecurityException e) {
            throw new WrongKeyException("master key '" + keyId + "' (file '" + file + "') cannot unwrap the data key "
                    + "of " + ArtifactContext.describe(context)
                    + ": another master key wrapped it, or it belongs to another backup", e);
        }
    }
}
