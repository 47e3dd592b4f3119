package io.lifeboat.agent.fs.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryLockTest {

    private static final Duration DAY = Duration.ofHours(24);
    private static final Instant T0 = Instant.parse("2026-11-21T02:00:00Z");

    @TempDir
    Path tmp;

    private RepoFixture fixture;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new RepoFixture(tmp);
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void letsManyBackupsHoldSharedLocksAtOnce() throws IOException {
        try (RepositoryLock a = acquire(RepositoryLock.Kind.SHARED, "a", T0);
                RepositoryLock b = acquire(RepositoryLock.Kind.SHARED, "b", T0)) {
            assertThat(fixture.store.list(fixture.repoLayout.lockPrefix())).hasSize(2);
        }
        assertThat(fixture.store.list(fixture.repoLayout.lockPrefix())).isEmpty();
    }

    @Test
    void refusesABackupWhileAFreshExclusiveLockExistsAndLeavesNoLockOfItsOwn() throws IOException {
        try (RepositoryLock sweep = acquire(RepositoryLock.Kind.EXCLUSIVE, "sweeper", T0)) {
            assertThatThrownBy(() -> acquire(RepositoryLock.Kind.SHARED, "b1", T0.plusSeconds(60)))
                    .isInstanceOf(RepositoryLockedException.class).hasMessageContaining("'sweeper'")
                    .hasMessageContaining("since " + T0);
            assertThat(fixture.store.list(fixture.repoLayout.lockPrefix())).singleElement()
                    .satisfies(info -> assertThat(info.key()).isEqualTo(sweep.key()));
        }
    }

    @Test
    void ignoresALockOlderThanTheMaximumAge() throws IOException {
        acquire(RepositoryLock.Kind.SHARED, "crashed", T0);

        try (RepositoryLock sweep = acquire(RepositoryLock.Kind.EXCLUSIVE, "sweeper", T0.plus(DAY).plusSeconds(1))) {
            assertThat(sweep.key()).endsWith("fs/locks/exclusive-sweeper");
        }
    }

    private RepositoryLock acquire(RepositoryLock.Kind kind, String owner, Instant now) throws IOException {
        return RepositoryLock.acquire(fixture.store, fixture.repoLayout, kind, owner, DAY,
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
