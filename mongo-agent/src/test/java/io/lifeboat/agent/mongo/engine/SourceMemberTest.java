package io.lifeboat.agent.mongo.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;

class SourceMemberTest {

    private static final Document PRIMARY = member("a:27017", "PRIMARY", 1, 300);
    private static final Document FRESH = member("b:27017", "SECONDARY", 1, 290);
    private static final Document LAGGED = member("c:27017", "SECONDARY", 1, 100);
    private static final Document DOWN = member("d:27017", "SECONDARY", 0, 299);

    @Test
    void theFreshestHealthySecondaryIsChosenNeverTheMostLagged() {
        assertThat(SourceMember.choose(List.of(PRIMARY, LAGGED, DOWN, FRESH), true)).contains("b:27017");
        assertThat(SourceMember.choose(List.of(LAGGED, FRESH), false)).contains("b:27017");
    }

    @Test
    void withoutAHealthySecondaryOnlySecondaryPreferredFallsBackToThePrimary() {
        assertThat(SourceMember.choose(List.of(PRIMARY, DOWN), true)).contains("a:27017");
        assertThat(SourceMember.choose(List.of(PRIMARY, DOWN), false)).isEmpty();
    }

    private static Document member(String name, String state, double health, long optimeSeconds) {
        return new Document("name", name).append("stateStr", state).append("health", health).append("optimeDate",
                new Date(optimeSeconds * 1000));
    }
}
