package io.lifeboat.scheduler.policy;

import java.nio.file.Path;
import java.util.List;

/**
 * A policy file that cannot be used, with every problem found in it, each naming the file, the policy, the line and
 * the field.
 */
public class PolicyFileException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient List<String> problems;

    /**
     * Creates the exception; the message is the problems, one per line.
     *
     * @param file the policy file
     * @param problems the problems, e.g. {@code policies.yaml: policies[2] (orders-db) line 14: schedules[0].cron:
     *        invalid cron ...}
     */
    public PolicyFileException(Path file, List<String> problems) {
        super(String.join("\n", problems));
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns the policy file.
     *
     * @return its path
     */
    public Path file() {
        return file;
    }

    /**
     * Returns every problem found, in file order.
     *
     * @return one line per problem
     */
    public List<String> problems() {
        return problems;
    }
}
