package io.lifeboat.agent.mongo.restore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MongoDestinationTest {

    @Test
    void aTargetKeepsTheDatabaseNamesUnlessAPrefixIsGiven() {
        assertThat(MongoDestination.parse("target:orders")).isEqualTo(new MongoDestination("orders", null, ""));
        MongoDestination prefixed = MongoDestination.parse("target:orders?prefix=restored_");
        assertThat(prefixed.targetId()).isEqualTo("orders");
        assertThat(prefixed.database("shop")).isEqualTo("restored_shop");
    }

    @Test
    void aConnectionStringKeepsItsOwnOptionsAndLosesThePrefix() {
        assertThat(MongoDestination.parse("mongodb://h:27017/?replicaSet=rs0&prefix=r_"))
                .isEqualTo(new MongoDestination(null, "mongodb://h:27017/?replicaSet=rs0", "r_"));
        assertThat(MongoDestination.parse("mongodb://h:27017/?prefix=r_"))
                .isEqualTo(new MongoDestination(null, "mongodb://h:27017/", "r_"));
        assertThat(MongoDestination.parse("mongodb://h:27017")).isEqualTo(
                new MongoDestination(null, "mongodb://h:27017", ""));
    }

    @Test
    void anythingElseIsRefusedWithoutShowingCredentials() {
        assertThatThrownBy(() -> MongoDestination.parse("/var/lib/mongo")).hasMessageContaining("target:<id>");
        assertThatThrownBy(() -> MongoDestination.parse("mongodb://u:secret@h/?prefix=a.b"))
                .hasMessageNotContaining("secret").hasMessageContaining("prefix");
    }

    @Test
    void scratchDatabasesCarryAShortBackupId() {
        assertThat(MongoVerifyEngine.scratchPrefix("bk-0123456789abcdef01234567"))
                .isEqualTo("lifeboat_verify_0123456789ab_");
    }
}
