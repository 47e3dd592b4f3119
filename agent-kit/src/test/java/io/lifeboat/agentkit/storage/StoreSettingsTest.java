package io.lifeboat.agentkit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreSettingsTest {

    @Test
    void defaultsToEightMebibytePartsFourInFlightTenAttemptsAndTheDefaultClassMapping() {
        StoreSettings settings = StoreSettings.s3("artifacts");

        assertThat(settings.partSize()).isEqualTo(8 * 1024 * 1024);
        assertThat(settings.partsInFlight()).isEqualTo(4);
        assertThat(settings.maxAttempts()).isEqualTo(10);
        assertThat(settings.maxKeysPerPage()).isEqualTo(1000);
        assertThat(settings.lockMode()).isEqualTo(StoreSettings.LockMode.GOVERNANCE);
        assertThat(settings.storageClassMapping()).isEqualTo(StorageClassMapping.DEFAULT);
    }

    @Test
    void trimsSlashesFromThePrefix() {
        assertThat(StoreSettings.s3("artifacts").withPrefix("/lifeboat/prod/").prefix()).isEqualTo("lifeboat/prod");
        assertThat(StoreSettings.s3("artifacts").withPrefix(null).prefix()).isEmpty();
    }

    @Test
    void refusesSettingsTheDriverCannotUse() {
        assertThatThrownBy(() -> StoreSettings.s3(" ")).hasMessage("the s3 storage driver needs a bucket");
        assertThatThrownBy(() -> StoreSettings.local(null))
                .hasMessage("the local storage driver needs a root directory");
        assertThatThrownBy(() -> StoreSettings.s3("b").withTuning(5 * 1024 * 1024 - 1, 4, 3, 1000))
                .hasMessage("part size 5242879 is below the S3 minimum 5242880");
        assertThatThrownBy(() -> StoreSettings.s3("b").withTuning(5 * 1024 * 1024, 0, 3, 1000))
                .hasMessage("parts in flight is 0; it must be at least 1");
        assertThatThrownBy(() -> StoreSettings.Driver.parse("ftp"))
                .hasMessage("storage driver 'ftp' is unknown; use local or s3");
        assertThat(StoreSettings.Driver.parse(" S3 ")).isEqualTo(StoreSettings.Driver.S3);
    }

    @Test
    void opensTheDriverTheSettingsName(@TempDir Path root) throws IOException {
        try (ObjectStore local = ObjectStores.create(StoreSettings.local(root))) {
            assertThat(local).isInstanceOf(LocalObjectStore.class);
        }
        StoreSettings s3 = StoreSettings.s3("artifacts").withEndpoint(URI.create("http://127.0.0.1:1"), true)
                .withCredentials("us-east-1", "key", "secret").withTuning(5 * 1024 * 1024, 1, 1, 1000);
        // Nothing listens on port 1: without an answer about Object Lock the store refuses to open.
        assertThatThrownBy(() -> ObjectStores.create(s3)).isInstanceOf(IOException.class)
                .hasMessageStartingWith("unable to open object store s3://artifacts: unable to read the Object Lock "
                        + "configuration of bucket artifacts: ");
    }

    @Test
    void mapsTiersToS3ClassesAndBack() {
        StorageClassMapping mapping = StorageClassMapping.parse("cold=glacier, FROZEN=DEEP_ARCHIVE");

        assertThat(mapping.s3Class(StorageClass.HOT)).isEqualTo("STANDARD");
        assertThat(mapping.s3Class(StorageClass.WARM)).isEqualTo("STANDARD_IA");
        assertThat(mapping.s3Class(StorageClass.COLD)).isEqualTo("GLACIER");
        assertThat(mapping.tierOf("GLACIER")).isEqualTo(StorageClass.COLD);
        assertThat(mapping.tierOf("GLACIER_IR")).isEqualTo(StorageClass.COLD);
        assertThat(mapping.tierOf(null)).isEqualTo(StorageClass.HOT);
        assertThat(mapping.tierOf("INTELLIGENT_TIERING")).isEqualTo(StorageClass.HOT);
        assertThat(StorageClassMapping.DEFAULT.tierOf("DEEP_ARCHIVE")).isEqualTo(StorageClass.FROZEN);
        assertThat(StorageClassMapping.parse(" ")).isEqualTo(StorageClassMapping.DEFAULT);
        assertThatThrownBy(() -> StorageClassMapping.parse("LUKEWARM=STANDARD"))
                .hasMessage("storage class mapping entry 'LUKEWARM=STANDARD' names an unknown tier; tiers are HOT, "
                        + "WARM, COLD, FROZEN");
    }
}
