package io.lifeboat.agent.fs.tree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void baseNamePatternsMatchAtAnyDepth() {
        Selection s = Selection.of(List.of(), List.of("*.tmp", "*.log"));
        assertThat(s.isExcluded("a.tmp")).isTrue();
        assertThat(s.isExcluded("x/y/z/b.log")).isTrue();
        assertThat(s.isExcluded("x/y/z/b.logs")).isFalse();
        assertThat(s.isExcluded("tmp")).isFalse();
    }

    @Test
    void slashPatternsMatchAnyTailUnlessAnchored() {
        Selection free = Selection.of(List.of(), List.of("cache/*"));
        assertThat(free.isExcluded("cache/x")).isTrue();
        assertThat(free.isExcluded("a/b/cache/x")).isTrue();
        assertThat(free.isExcluded("cache")).isFalse();
        assertThat(free.isExcluded("mycache/x")).isFalse();

        Selection anchored = Selection.of(List.of(), List.of("/cache/*"));
        assertThat(anchored.isExcluded("cache/x")).isTrue();
        assertThat(anchored.isExcluded("a/cache/x")).isFalse();
    }

    @Test
    void doubleStarCrossesDirectories() {
        Selection s = Selection.of(List.of(), List.of("/build/**/*.class"));
        assertThat(s.isExcluded("build/a/b/C.class")).isTrue();
        assertThat(s.isExcluded("src/a/C.class")).isFalse();
    }

    @Test
    void anchoredIncludesDescendOnlyIntoDirectoriesThatCanLeadToAMatch() {
        Selection s = Selection.of(List.of("/docs/*/keep"), List.of());
        assertThat(s.mayIncludeBelow("docs")).isTrue();
        assertThat(s.mayIncludeBelow("docs/a")).isTrue();
        assertThat(s.mayIncludeBelow("src")).isFalse();
        assertThat(s.isIncludedItself("docs/a/keep")).isTrue();
        assertThat(s.isIncludedItself("docs/a")).isFalse();
    }

    @Test
    void rejectsAnEmptyPattern() {
        assertThatThrownBy(() -> Selection.of(List.of(), List.of(" "))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty glob");
    }
}
