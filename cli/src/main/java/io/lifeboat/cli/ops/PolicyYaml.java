package io.lifeboat.cli.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * A policy file as the scheduler reads it at start-up: a YAML list of policies, or a mapping whose only key
 * {@code policies} holds that list. Only its shape is checked here; the scheduler checks each policy's fields.
 */
final class PolicyYaml {

    private static final YAMLMapper YAML = new YAMLMapper();

    /**
     * One policy of the file.
     *
     * @param targetId its target
     * @param policy its fields, as written
     */
    record Entry(String targetId, JsonNode policy) {
    }

    private PolicyYaml() {
    }

    /**
     * Reads the policies of {@code file}, in file order.
     *
     * @throws OpsFailure naming the file and what is wrong with its shape
     */
    static List<Entry> read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new OpsFailure("policy file " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new OpsFailure("policy file " + file + " has no policies");
        }
        JsonNode list = root.isObject() && root.size() == 1 ? root.get("policies") : root;
        if (list == null || !list.isArray()) {
            throw new OpsFailure("policy file " + file + ": expected a list of policies, or a mapping whose only key "
                    + "is 'policies' holding that list");
        }
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode policy = list.get(i);
            String targetId = policy.path("targetId").asText("").trim();
            if (!policy.isObject() || targetId.isEmpty()) {
                throw new OpsFailure("policy file " + file + ": policies[" + i + "] has no targetId");
            }
            if (!seen.add(targetId)) {
                throw new OpsFailure("policy file " + file + ": target '" + targetId + "' has more than one policy "
                        + "(policies[" + i + "] again); a target has one policy");
            }
            entries.add(new Entry(targetId, policy));
        }
        return entries;
    }
}
