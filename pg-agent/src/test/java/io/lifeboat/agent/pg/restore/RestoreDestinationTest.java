package io.lifeboat.agent.pg.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.lifeboat.agentkit.agent.RestoreEngine.RestoreFailure;

class RestoreDestinationTest {

    @Test
    void anAbsolutePathOrFileUriWithOptions() throws Exception {
        assertThat(RestoreDestination.parse("/srv/pg/restore-1"))
                .isEqualTo(new RestoreDestination(Path.of("/srv/pg/restore-1"), OptionalInt.empty(), false));
        assertThat(RestoreDestination.parse("file:///srv/pg/r2?port=5544&keep-running=true"))
                .isEqualTo(new RestoreDestination(Path.of("/srv/pg/r2"), OptionalInt.of(5544), true));
        assertThat(RestoreDestination.parse("/srv/pg/../pg/r3?port=6000").dataDir()).isEqualTo(Path.of("/srv/pg/r3"));
    }

    @Test
    void anythingElseIsRefusedWithTheFormInTheReason() {
        assertThatThrownBy(() -> RestoreDestination.parse("secret://lifeboat/orders-restore"))
                .isInstanceOf(RestoreFailure.class).hasMessageContaining("secret://lifeboat/orders-restore")
                .hasMessageContaining("absolute path").extracting(e -> ((RestoreFailure) e).step())
                .isEqualTo("destination");
        assertThatThrownBy(() -> RestoreDestination.parse("relative/dir")).hasMessageContaining("data directory");
        assertThatThrownBy(() -> RestoreDestination.parse("/")).hasMessageContaining("'/' is not a data directory");
        assertThatThrownBy(() -> RestoreDestination.parse("/x?port=99999")).hasMessageContaining("1 to 65535");
        assertThatThrownBy(() -> RestoreDestination.parse("/x?colour=blue")).hasMessageContaining("[colour]");
        assertThatThrownBy(() -> RestoreDestination.parse("/x?keep-running=true"))
                .hasMessageContaining("keep-running=true needs a port");
    }

    @Test
    void discardAfterTakesAnIsoOrShortDurationWithKeepRunning() throws Exception {
        assertThat(RestoreDestination.parse("/srv/pg/drill?port=5544&keep-running=true&discard-after=PT30M"))
                .isEqualTo(new RestoreDestination(Path.of("/srv/pg/drill"), OptionalInt.of(5544), true,
                        Optional.of(Duration.ofMinutes(30))));
        assertThat(RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=30m").discardAfter())
                .contains(Duration.ofMinutes(30));
        assertThat(RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=90s").discardAfter())
                .contains(Duration.ofSeconds(90));
        assertThat(RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=2h").discardAfter())
                .contains(Duration.ofHours(2));
        assertThat(RestoreDestination.parse("/d?port=5544&keep-running=true").discardAfter()).isEmpty();
    }

    @Test
    void discardAfterWithoutKeepRunningIsRefusedNamingTheDestination() {
        assertThatThrownBy(() -> RestoreDestination.parse("/srv/pg/drill?port=5544&discard-after=PT30M"))
                .isInstanceOf(RestoreFailure.class).hasMessageContaining("/srv/pg/drill?port=5544&discard-after=PT30M")
                .hasMessageContaining("discard-after needs keep-running=true")
                .extracting(e -> ((RestoreFailure) e).step()).isEqualTo("destination");
        assertThatThrownBy(() -> RestoreDestination.parse("/d?port=5544&keep-running=false&discard-after=1h"))
                .hasMessageContaining("discard-after needs keep-running=true");
    }

    @Test
    void aZeroOrNegativeDiscardAfterIsRefused() {
        assertThatThrownBy(() -> RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=PT0S"))
                .isInstanceOf(RestoreFailure.class).hasMessageContaining("discard-after must be positive, not 'PT0S'");
        assertThatThrownBy(() -> RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=0m"))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=-5m"))
                .hasMessageContaining("must be positive");
        assertThatThrownBy(() -> RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=PT-1H"))
                .hasMessageContaining("must be positive");
    }

    @Test
    void aDiscardAfterThatIsNoDurationIsRefusedShowingTheForms() {
        assertThatThrownBy(() -> RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=soon"))
                .isInstanceOf(RestoreFailure.class)
                .hasMessageContaining("discard-after 'soon' is not a duration such as PT30M, 30m, 90s or 2h");
        assertThatThrownBy(() -> RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after="))
                .hasMessageContaining("discard-after '' is not a duration");
        assertThatThrownBy(() -> RestoreDestination.parse("/d?port=5544&keep-running=true&discard-after=30 min"))
                .hasMessageContaining("is not a duration");
    }
}
