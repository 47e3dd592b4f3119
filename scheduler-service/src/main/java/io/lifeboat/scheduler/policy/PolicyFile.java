package io.lifeboat.scheduler.policy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.events.policy.PolicySpec;

/**
 * The policy file read at start-up: a YAML list of policies, or a mapping whose only key {@code policies} holds
 * that list, each policy with the field names of {@link PolicySpec}.
 */
public final class PolicyFile {

    private static final String POLICIES = "policies";

    private PolicyFile() {
    }

    /**
     * Reads and checks every policy of a file.
     *
     * @param file the YAML file
     * @return the policies as written, in file order; empty for an empty file
     * @throws PolicyFileException naming the file, policy, line and field of every error in every policy, and of
     *         every target id defined twice
     */
    public static List<PolicySpec> read(Path file) {
        String name = String.valueOf(file.getFileName());
        String text;
        JsonNode root;
        YamlLines lines;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new PolicyFileException(file, List.of(name + ": cannot be read: " + e));
        }
        try {
            root = PolicyMapper.yaml().readTree(text);
            lines = YamlLines.of(PolicyMapper.yaml(), text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new PolicyFileException(file, List.of(name + ": line " + line + ": not valid YAML: "
                    + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new PolicyFileException(file, List.of(name + ": cannot be read: " + e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return List.of();
        }
        String listPath = root.isObject() ? POLICIES : "";
        JsonNode list = root.isObject() ? root.get(POLICIES) : root;
        if (list == null || !list.isArray() || root.isObject() && root.size() != 1) {
            throw new PolicyFileException(file, List.of(name + ": line " + lines.lineOf(listPath)
                    + ": expected a list of policies, or a mapping whose only key is 'policies' holding that list"));
        }
        return readAll(file, list, listPath, lines);
    }

    private static List<PolicySpec> readAll(Path file, JsonNode list, String listPath, YamlLines lines) {
        List<PolicySpec> specs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> targets = new HashMap<>();
        Iterator<JsonNode> elements = list.elements();
        for (int i = 0; elements.hasNext(); i++) {
            JsonNode node = elements.next();
            String path = listPath + "[" + i + "]";
            JsonNode id = node.path("targetId");
            Located where = new Located(file, "policies[" + i + "]" + (id.isTextual() ? " (" + id.asText() + ")" : ""),
                    path, lines);
            PolicySpec spec;
            try {
                spec = PolicyMapper.yaml().treeToValue(node, PolicySpec.class);
            } catch (JsonProcessingException e) {
                PolicyMapper.describe(e).forEach(p -> problems.add(where.describe(p)));
                continue;
            }
            if (spec == null) {
                problems.add(where.describe(new PolicyProblem("policy", "is empty")));
                continue;
            }
            PolicyRules.check(spec).errors().forEach(p -> problems.add(where.describe(p)));
            if (spec.targetId() != null && !spec.targetId().isBlank()) {
                Integer first = targets.putIfAbsent(spec.targetId().trim(), i);
                if (first != null) {
                    problems.add(where.describe(new PolicyProblem("targetId", "'" + spec.targetId()
                            + "' is also the target of policies[" + first + "]; a target has one policy")));
                }
            }
            specs.add(spec);
        }
        if (!problems.isEmpty()) {
            throw new PolicyFileException(file, problems);
        }
        return List.copyOf(specs);
    }

    /** Where a policy is in its file, to prefix its problems. */
    private record Located(Path file, String label, String path, YamlLines lines) {

        String describe(PolicyProblem problem) {
            String field = problem.field().equals("policy") ? "" : problem.field();
            String full = field.isEmpty() ? path : path + (field.startsWith("[") ? "" : ".") + field;
            return file.getFileName() + ": " + label + " line " + lines.lineOf(full) + ": " + problem;
        }
    }
}
