package io.lifeboat.agent.fs.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Looks up configured directory trees by id and checks their settings. */
@ApplicationScoped
public class FsTargets {

    private final Map<String, FsConfig.Target> targets;

    @Inject
    public FsTargets(FsConfig config) {
        this(config.targets());
    }

    /** For tests and tools: explicit targets. */
    public FsTargets(Map<String, FsConfig.Target> targets) {
        this.targets = targets;
    }

    /** The target {@code id}; fails naming the id and the configuration key when it is not usable. */
    public FsTarget get(String id) {
        FsConfig.Target target = targets.get(id);
        if (target == null) {
            throw new IllegalArgumentException("unknown target '" + id + "': not configured in lifeboat.fs.targets");
        }
        Path path = Path.of(target.path());
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("target '" + id + "': lifeboat.fs.targets." + id + ".path '"
                    + target.path() + "' is not an absolute path");
        }
        int readers = target.readers().orElse(Runtime.getRuntime().availableProcessors());
        if (readers < 1) {
            throw new IllegalArgumentException("target '" + id + "': lifeboat.fs.targets." + id + ".readers must be "
                    + "at least 1, not " + readers);
        }
        return new FsTarget(id, path.normalize(), target.include().orElse(List.of()), target.exclude().orElse(
                List.of()), target.oneFileSystem(), readers);
    }
}
