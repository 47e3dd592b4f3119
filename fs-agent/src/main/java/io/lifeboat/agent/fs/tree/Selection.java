package io.lifeboat.agent.fs.tree;

import java.util.List;

/**
 * Which entries under the snapshot root are taken, from include and exclude globs (see {@link Glob} and DESIGN.md
 * for the rules): an entry is taken when it is not excluded and, if includes are given, it or one of its ancestors
 * matches an include. Excludes win over includes; an excluded directory is not descended.
 */
public final class Selection {

    private final List<Glob> includes;
    private final List<Glob> excludes;

    private Selection(List<Glob> includes, List<Glob> excludes) {
        this.includes = includes;
        this.excludes = excludes;
    }

    /** A selection from pattern lists (null or empty includes = everything). */
    public static Selection of(List<String> includes, List<String> excludes) {
        return new Selection(compile(includes), compile(excludes));
    }

    /** Everything under the root. */
    public static Selection everything() {
        return of(List.of(), List.of());
    }

    private static List<Glob> compile(List<String> patterns) {
        return patterns == null ? List.of() : patterns.stream().map(Glob::new).toList();
    }

    /** Whether an exclude pattern matches the relative path. */
    public boolean isExcluded(String relPath) {
        return excludes.stream().anyMatch(g -> g.matches(relPath));
    }

    /** Whether an include pattern matches the path itself, or there are no includes. */
    public boolean isIncludedItself(String relPath) {
        return includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(relPath));
    }

    /** Whether a directory that is not itself included may hold included entries, so must be descended. */
    public boolean mayIncludeBelow(String dirPath) {
        return includes.stream().anyMatch(g -> g.mayMatchBelow(dirPath));
    }
}
