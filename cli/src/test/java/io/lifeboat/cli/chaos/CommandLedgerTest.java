package io.lifeboat.cli.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommandLedgerTest {

    private final CommandLedger ledger = new CommandLedger();

    @Test
    void aCommandCompletedOnceAfterARestartIsNeitherLostNorDuplicated() {
        ledger.sent("c1", "pg");
        ledger.started("c1", "bk-1");
        // The agent was killed; the redelivered command starts the same backup again and completes it.
        ledger.started("c1", "bk-1");
        ledger.completed("c1", "bk-1", "bk-1.completed");
        // Re-emitted from the manifest after another redelivery: the same event.
        ledger.completed("c1", "bk-1", "bk-1.completed");

        ChaosTally tally = ledger.tally("agents");

        assertThat(tally.figures()).isEqualTo("lost=0 duplicated=0 stuck=0 consumer_crashes=0 deadlettered=0 "
                + "valid_completed=1 malformed=0 valid=1");
        assertThat(tally.findings()).isEmpty();
    }

    @Test
    void countsLostStuckDuplicatedAndFailedCommandsAndNamesThem() {
        ledger.sent("lost", "pg");
        ledger.sent("stuck", "redis");
        ledger.started("stuck", "bk-s");
        ledger.sent("twice", "mongo");
        ledger.completed("twice", "bk-a", "bk-a.completed");
        ledger.completed("twice", "bk-b", "bk-b.completed");
        ledger.sent("failed", "files");
        ledger.failed("failed", "bk-f", "upload: 503 from the store");

        ChaosTally tally = ledger.tally("agents");

        assertThat(tally.lost()).isEqualTo(1);
        assertThat(tally.stuck()).isEqualTo(1);
        assertThat(tally.duplicated()).isEqualTo(1);
        assertThat(tally.valid()).isEqualTo(4);
        assertThat(tally.validCompleted()).isEqualTo(1);
        assertThat(tally.findings()).containsExactly("command lost of pg has no fact at all",
                "command stuck of redis started as [bk-s] and has no outcome",
                "command twice of mongo completed as backups [bk-a, bk-b] in events [bk-a.completed, bk-b.completed]",
                "command failed of files failed: bk-f: upload: 503 from the store");
    }

    @Test
    void aFactBeforeItsCommandIsRecordedKeepsTheCommandAndAFactOfAnUnknownCommandIsAFinding() {
        ledger.completed("c1", "bk-1", "bk-1.completed");
        ledger.sent("c1", "pg");
        ledger.started("ghost", "bk-g");

        ChaosTally tally = ledger.tally("agents");

        assertThat(tally.validCompleted()).isEqualTo(1);
        assertThat(tally.valid()).isEqualTo(1);
        assertThat(tally.findings()).containsExactly("facts name command ghost, which was never sent");
    }
}
