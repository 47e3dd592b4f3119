package io.lifeboat.catalog.streams;

import static io.lifeboat.catalog.testing.Facts.completed;
import static io.lifeboat.catalog.testing.Facts.policy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.lifeboat.catalog.testing.Facts;
import io.lifeboat.events.Engine;
import io.lifeboat.events.Topics;
import io.lifeboat.events.backup.BackupPhase;
import io.lifeboat.events.backup.ExpireBackups;
import io.lifeboat.events.catalog.CatalogEntry;
import io.lifeboat.events.catalog.RetentionTag;
import io.lifeboat.events.policy.Retention;
import io.lifeboat.events.policy.StorageTier;

/** Retention decisions leave the topology as expire commands with their reason, and come back as expired entries. */
class RetentionTopologyTest {

    private static final Instant T0 = Instant.parse("2026-11-01T02:00:00Z");
    private static final String DB = "orders-db";
    private static final String COMMANDS = Topics.COMMANDS_POSTGRES.name();
    private static final Retention KEEP_TWO = new Retention(0, 0, 0, 0, 0, null, 2, null, null, null);

    private final CatalogDriver driver = new CatalogDriver(T0.plus(Duration.ofDays(3)));

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void sendsAnExpireCommandNamingTheRuleAndMarksTheBackupAsWaitingForDeletion() {
        driver.send(policy(DB, Duration.ofDays(1), KEEP_TWO, T0));
        driver.send(completed(DB, "b1", T0));
        driver.send(completed(DB, "b2", T0.plus(Duration.ofDays(1))));
        assertThat(driver.read(COMMANDS)).isEmpty();

        driver.send(completed(DB, "b3", T0.plus(Duration.ofDays(2))));

        List<ExpireBackups> commands = driver.read(COMMANDS, ExpireBackups.class);
        assertThat(commands).hasSize(1);
        ExpireBackups command = commands.get(0);
        assertThat(command.backupIds()).containsExactly("b1");
        assertThat(command.engine()).isEqualTo(Engine.POSTGRES);
        assertThat(command.reason()).contains("keep-last 2");
        assertThat(command.keepLogFrom()).isEqualTo("0/" + "b2".hashCode());
        assertThat(command.requestedBy()).isEqualTo("catalog-service");
        CatalogEntry b1 = driver.entry(DB, "b1");
        assertThat(b1.expireRequestedAt()).isNotNull();
        assertThat(b1.expiryReason()).isEqualTo(command.reason());
        assertThat(driver.entry(DB, "b3").expireRequestedAt()).isNull();

        driver.advance(Duration.ofHours(2));
        assertThat(driver.read(COMMANDS)).as("no second command while the first is pending").isEmpty();

        driver.send(Facts.expired(DB, command.commandId(), List.of("b1"), driver.now()));
        CatalogEntry expired = driver.entry(DB, "b1");
        assertThat(expired.phase()).isEqualTo(BackupPhase.EXPIRED);
        assertThat(expired.expiryReason()).as("why was this deleted?").isEqualTo(command.reason());
    }

    @Test
    void asksAgainOnTheNextPassWhenTheAgentCouldNotDelete() {
        driver.send(policy(DB, Duration.ofDays(1), KEEP_TWO, T0));
        for (int day = 0; day < 3; day++) {
            driver.send(completed(DB, "b" + day, T0.plus(Duration.ofDays(day))));
        }
        ExpireBackups first = driver.read(COMMANDS, ExpireBackups.class).get(0);

        driver.send(Facts.expireFailed(DB, first.commandId(), List.of(), List.of("b0"), driver.now()));
        assertThat(driver.entry(DB, "b0").expireRequestedAt()).isNull();
        driver.advance(Duration.ofHours(1));

        List<ExpireBackups> again = driver.read(COMMANDS, ExpireBackups.class);
        assertThat(again).hasSize(1);
        assertThat(again.get(0).backupIds()).containsExactly("b0");
        assertThat(again.get(0).commandId()).isNotEqualTo(first.commandId());
    }

    @Test
    void expiresNothingUnderLegalHold() {
        Retention held = new Retention(0, 0, 0, 0, 0, Duration.ofHours(1), 1, null, null, true);
        driver.send(policy(DB, Duration.ofDays(1), held, T0));
        for (int day = 0; day < 3; day++) {
            driver.send(completed(DB, "b" + day, T0.plus(Duration.ofDays(day))));
        }
        driver.advance(Duration.ofHours(1));

        assertThat(driver.read(COMMANDS)).isEmpty();
    }

    @Test
    void expiresNothingWhileFoldingABacklogAndDecidesOnceCaughtUp() {
        Instant then = driver.now().minus(Duration.ofHours(3));
        driver.sendAt(policy(DB, Duration.ofDays(1), KEEP_TWO, T0), then);
        for (int day = 0; day < 3; day++) {
            driver.sendAt(completed(DB, "b" + day, T0.plus(Duration.ofDays(day))), then);
        }
        driver.advance(Duration.ofSeconds(1));
        assertThat(driver.read(COMMANDS)).as("still catching up").isEmpty();

        driver.advance(Duration.ofSeconds(1));
        List<ExpireBackups> commands = driver.read(COMMANDS, ExpireBackups.class);
        assertThat(commands).hasSize(1);
        assertThat(commands.get(0).backupIds()).containsExactly("b0");
    }

    @Test
    void publishesGfsTagsAndTheStorageTierTheBackupsAgePutsItIn() {
        List<StorageTier> tiers = List.of(new StorageTier("hot", 0, "STANDARD"),
                new StorageTier("cold", 30, "GLACIER"));
        driver.send(policy(DB, Engine.POSTGRES, Duration.ofDays(1), new Retention(0, 7, 4, 0, 0, null), tiers, T0));
        driver.send(completed(DB, "b1", T0));

        CatalogEntry tagged = driver.entry(DB, "b1");
        assertThat(tagged.retentionTags()).containsExactly(RetentionTag.DAILY, RetentionTag.WEEKLY);
        assertThat(tagged.storageTier()).isEqualTo("hot");
        assertThat(tagged.dueStorageClass()).isEqualTo("STANDARD");

        driver.advance(Duration.ofDays(28));
        CatalogEntry aged = driver.entry(DB, "b1");
        assertThat(aged.storageTier()).isEqualTo("cold");
        assertThat(aged.dueStorageClass()).isEqualTo("GLACIER");
        assertThat(aged.phase()).as("the newest restorable backup stays").isEqualTo(BackupPhase.COMPLETED);
    }
}
