package io.lifeboat.agent.pg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BaseBackupInfoTest {

    private static final String LABEL = "START WAL LOCATION: 0/5000028 (file 000000020000000000000005)\n"
            + "LABEL: bk-1\nSTART TIME: 2026-11-21 21:54:37 UTC\nSTART TIMELINE: 2\n";

    @Test
    void takesTheStopLsnFromTheLastWalRangeWhenTheBackupSpansATimelineSwitch() {
        String tail = "\"WAL-Ranges\": [\n{ \"Timeline\": 1, \"Start-LSN\": \"0/5000028\", \"End-LSN\": \"0/5000400\" },\n"
                + "{ \"Timeline\": 2, \"Start-LSN\": \"0/5000400\", \"End-LSN\": \"0/6000100\" }\n]";

        BaseBackupInfo info = BaseBackupInfo.parse(LABEL, tail);

        assertThat(info.startLsn()).isEqualTo("0/5000028");
        assertThat(info.stopLsn()).isEqualTo("0/6000100");
        assertThat(info.timeline()).isEqualTo(2);
        assertThat(info.label()).isEqualTo("bk-1");
    }

    @Test
    void failsNamingTheMissingPartWhenTheStreamHadNoManifest() {
        assertThatThrownBy(() -> BaseBackupInfo.parse(LABEL, "")).hasMessageContaining("WAL-Ranges")
                .hasMessageContaining("backup_manifest");
        assertThatThrownBy(() -> BaseBackupInfo.parse("", "")).hasMessageContaining("START WAL LOCATION");
    }
}
