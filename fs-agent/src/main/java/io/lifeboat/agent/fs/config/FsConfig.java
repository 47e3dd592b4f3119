package io.lifeboat.agent.fs.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The fs-agent's own configuration, {@code lifeboat.fs.*}: the directory trees it may back up, by target id. */
@ConfigMapping(prefix = "lifeboat.fs")
public interface FsConfig {

    /** The targets by id: {@code lifeboat.fs.targets.<id>.*}; none by default. */
    Map<String, Target> targets();

    /** How files are cut into chunks, {@code lifeboat.fs.chunk.*}; fixed once a target has snapshots. */
    Chunk chunk();

    /** How chunks are stored, {@code lifeboat.fs.repository.*}. */
    Repository repository();

    /** One directory tree. */
    interface Target {

        /** The absolute path of the directory backed up. */
        String path();

        /** Globs selecting what is backed up ({@code docs/**}); empty = everything under the path. */
        Optional<List<String>> include();

        /** Globs of what is never backed up: {@code *.tmp} (a name at any depth), {@code cache/*}, {@code /logs}. */
        Optional<List<String>> exclude();

        /** Whether the walk stays on the path's file system (mount points below it are skipped). */
        @WithDefault("false")
        boolean oneFileSystem();

        /** Files read and chunked at once; empty = the number of cores. */
        OptionalInt readers();
    }

    /** Content-defined chunking (FastCDC): sizes in bytes. */
    interface Chunk {

        /** No chunk is smaller, but a file's last. */
        @WithDefault("262144")
        int minSize();

        /** The mean size chunking aims at. */
        @WithDefault("1048576")
        int avgSize();

        /** No chunk is larger. */
        @WithDefault("4194304")
        int maxSize();
    }

    /** The chunk repository beside a target's snapshots. */
    interface Repository {

        /** Size a pack of chunks grows to before it is stored. */
        @WithDefault("16777216")
        int packSize();

        /** zstd level of each chunk (a chunk that does not shrink is stored as is). */
        @WithDefault("3")
        int zstdLevel();

        /** A lock older than this is taken to belong to a crashed agent and ignored. */
        @WithDefault("24h")
        Duration lockMaxAge();
    }
}
