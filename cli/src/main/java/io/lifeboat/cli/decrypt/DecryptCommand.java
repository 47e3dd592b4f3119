package io.lifeboat.cli.decrypt;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.lifeboat.agentkit.crypto.MasterKey;
import io.lifeboat.agentkit.crypto.WrongKeyException;
import io.lifeboat.agentkit.pipeline.ArtifactPipeline;
import io.lifeboat.agentkit.pipeline.BackupNotFoundException;
import io.lifeboat.agentkit.pipeline.CorruptArtifactException;
import io.lifeboat.agentkit.pipeline.Manifest;
import io.lifeboat.agentkit.pipeline.PipelineSettings;
import io.lifeboat.agentkit.storage.ArtifactLayout;
import io.lifeboat.agentkit.storage.ObjectStore;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lifeboat decrypt}: turns a stored backup back into the plain stream the engine's own tools read (a tar for
 * a PostgreSQL FULL backup, a {@code pg_dump -Fc} file, an RDB, a mongodump archive), with no Lifeboat service
 * running; or lists a target's backups from their manifests. Every part is checked against its manifest's SHA-256
 * and every encryption segment authenticated while it is read.
 */
@Command(name = "lifeboat decrypt", mixinStandardHelpOptions = true, sortOptions = false, description = "Writes the "
        + "plain stream of a stored backup (decrypted, decompressed, every part checked), or lists a target's backups. "
        + "Needs only the store and the master key: no Lifeboat service.", exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:done", "1:the backup could not be read or written (the message names it and the part)",
                "2:wrong usage"})
public final class DecryptCommand implements Callable<Integer> {

    @Option(names = "--store", required = true, paramLabel = "DIR|s3://BUCKET/PREFIX", description = "The agents' store: a local directory, or an S3 bucket and prefix.")
    String store;

    @Option(names = "--endpoint", paramLabel = "URL", description = "S3-compatible server (path-style addressing). Credentials: AWS_ACCESS_KEY_ID and "
            + "AWS_SECRET_ACCESS_KEY, or the AWS SDK's other default sources.")
    URI endpoint;

    @Option(names = "--region", paramLabel = "REGION", description = "S3 region (default: AWS_REGION, or us-east-1 with --endpoint).")
    String region;

    @Option(names = "--key", paramLabel = "FILE", description = "The agents' local master key file.")
    Path keyFile;

    @Option(names = "--kms-key-id", paramLabel = "ID", description = "The agents' AWS KMS key, instead of --key.")
    String kmsKeyId;

    @Option(names = "--kms-region", paramLabel = "REGION", description = "The KMS key's region.")
    String kmsRegion;

    @Option(names = "--kms-endpoint", paramLabel = "URL", description = "A KMS endpoint override.")
    URI kmsEndpoint;

    @Option(names = "--target", required = true, paramLabel = "ID", description = "The target whose backup is read.")
    String target;

    @Option(names = "--backup", paramLabel = "ID", description = "The backup to decrypt.")
    String backup;

    @Option(names = "--out", paramLabel = "FILE|-", description = "Where the plain stream goes (default: standard output). A file is written as "
            + "FILE.partial and renamed when complete.")
    String out;

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Option(names = "--list", description = "List the target's backups instead of decrypting one.")
    boolean list;

    @Option(names = "--json", description = "With --list: print JSON instead of a table.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Optional<OutputStream> dataOut;
    private long bytesToStdout;

    /** A command that writes the plain stream to {@code System.out} when no {@code --out} file is given. */
    public DecryptCommand() {
        this.dataOut = Optional.empty();
    }

    /** A command that writes the plain stream to {@code stdout} when no {@code --out} file is given. */
    public DecryptCommand(OutputStream stdout) {
        this.dataOut = Optional.of(stdout);
    }

    /** Runs {@code lifeboat decrypt} and exits with its code. */
    public static void main(String[] args) {
        // The plain stream needs standard output to itself: whatever a library prints goes to standard error.
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
        CommandLine commandLine = new CommandLine(new DecryptCommand(stdout));
        commandLine.setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true));
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() {
        checkUsage();
        try {
            if (list) {
                listBackups();
            } else {
                decrypt();
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            spec.commandLine().getErr().println("lifeboat decrypt: " + oneLine(explain(e)));
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    private void checkUsage() {
        if (list == (backup != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either --backup ID or --list");
        }
        if (!list && !keyOptions().given()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "decrypting needs the master key: --key FILE or --kms-key-id ID");
        }
        if (keyFile != null && kmsKeyId != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give --key or --kms-key-id, not both");
        }
        if (json && !list) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--json goes with --list");
        }
    }

    private void listBackups() throws IOException {
        try (ObjectStore objects = location().open()) {
            // Listing reads only manifests, which are not encrypted: no master key is needed.
            List<Manifest> manifests = new ArtifactPipeline(objects, new ArtifactLayout(), null,
                    PipelineSettings.defaults()).manifests(target);
            BackupListing listing = new BackupListing(manifests);
            PrintWriter text = spec.commandLine().getOut();
            text.print(json ? listing.json() : listing.table());
            text.flush();
            if (manifests.isEmpty() && !json) {
                spec.commandLine().getErr().println("lifeboat decrypt: target '" + target + "' has no backups in "
                        + objects.location());
            }
        }
    }

    private void decrypt() throws IOException {
        Optional<PartialFile> file = out == null || out.equals("-")
                ? Optional.empty()
                : Optional.of(new PartialFile(Path.of(out), force));
        if (file.isPresent()) {
            file.get().checkWritable();
        }
        MasterKey masterKey = keyOptions().load();
        ArtifactLayout layout = new ArtifactLayout();
        try (ObjectStore objects = location().open()) {
            ArtifactPipeline pipeline = new ArtifactPipeline(objects, layout, masterKey, PipelineSettings.defaults());
            Manifest manifest = pipeline.manifest(target, backup)
                    .orElseThrow(() -> new BackupNotFoundException(target, backup, layout.manifest(target, backup)));
            checkKey(manifest, masterKey);
            // Opened before the output file: a wrong key or a missing part fails before anything is created.
            try (InputStream plain = pipeline.openForRestore(target, backup)) {
                if (file.isPresent()) {
                    String name = "'" + file.get().partial() + "'";
                    file.get().write(sink -> copy(plain, sink, name, false));
                } else {
                    copy(plain, dataOut.orElse(System.out), "standard output", true);
                }
            }
        }
    }

    private void checkKey(Manifest manifest, MasterKey masterKey) throws IOException {
        String recorded = manifest.encryption().masterKeyId();
        if (!recorded.equals(masterKey.keyId())) {
            throw new CommandFailure(manifest.describe() + " was encrypted under master key '" + recorded + "' but "
                    + (keyFile != null ? "key file '" + keyFile + "'" : "KMS key '" + kmsKeyId + "'")
                    + " is master key '"
                    + masterKey.keyId() + "'; give the key the agents used");
        }
    }

    private void copy(InputStream in, OutputStream sink, String name, boolean toStdout) throws IOException {
        byte[] buffer = new byte[1 << 20];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) >= 0) {
            try {
                sink.write(buffer, 0, n);
            } catch (IOException e) {
                throw new CommandFailure("unable to write " + name + ": " + e.getMessage(), e);
            }
            total += n;
            if (toStdout) {
                bytesToStdout = total;
            }
        }
        try {
            sink.flush();
        } catch (IOException e) {
            throw new CommandFailure("unable to write " + name + ": " + e.getMessage(), e);
        }
    }

    private String explain(Exception e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        // These name the backup (and the part) themselves; anything else is put in context here.
        boolean named = e instanceof CorruptArtifactException || e instanceof BackupNotFoundException
                || e instanceof CommandFailure || e instanceof WrongKeyException;
        String text = named || backup == null
                ? message
                : "unable to read backup '" + backup + "' of target '" + target + "' from " + store + ": " + message;
        if (list) {
            text = "unable to list the backups of target '" + target + "' in " + store + ": " + message;
        }
        if (bytesToStdout > 0) {
            text += " (the " + bytesToStdout + " bytes already written to standard output are incomplete)";
        }
        return text;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }

    private StoreLocation location() {
        return new StoreLocation(store, Optional.ofNullable(endpoint), Optional.ofNullable(region));
    }

    private MasterKeyOptions keyOptions() {
        return new MasterKeyOptions(Optional.ofNullable(keyFile), Optional.ofNullable(kmsKeyId),
                Optional.ofNullable(kmsRegion), Optional.ofNullable(kmsEndpoint));
    }

    /** A failure whose message is complete as it stands. */
    private static final class CommandFailure extends IOException {

        private static final long serialVersionUID = 1L;

        CommandFailure(String message) {
            super(message);
        }

        CommandFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
