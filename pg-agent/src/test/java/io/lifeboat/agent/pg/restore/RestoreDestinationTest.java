package io.lifeboat.agent.pg.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
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
}
