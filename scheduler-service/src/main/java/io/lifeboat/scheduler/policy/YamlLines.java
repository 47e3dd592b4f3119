package io.lifeboat.scheduler.policy;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The line of every field and list element of a YAML document, by path ({@code policies[2].schedules[0].cron}), so
 * that a problem found after binding can still point at its line.
 */
final class YamlLines {

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Walks a document that is known to parse. */
    static YamlLines of(ObjectMapper yaml, String text) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser parser = yaml.getFactory().createParser(text)) {
            if (parser.nextToken() != null) {
                lines.put("", line(parser));
                walk(parser, "", lines);
            }
        }
        return new YamlLines(lines);
    }

    /**
     * The line of {@code path}, or of its nearest ancestor that has one (a missing field points at its object).
     *
     * @return the 1-based line, 0 when unknown
     */
    int lineOf(String path) {
        String current = path;
        while (true) {
            Integer line = lines.get(current);
            if (line != null) {
                return line;
            }
            int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
            if (cut < 0) {
                return lines.getOrDefault("", 0);
            }
            current = current.substring(0, cut);
        }
    }

    private static void walk(JsonParser parser, String path, Map<String, Integer> lines) throws IOException {
        if (parser.currentToken() == JsonToken.START_OBJECT) {
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? parser.currentName() : path + "." + parser.currentName();
                lines.putIfAbsent(child, line(parser));
                parser.nextToken();
                walk(parser, child, lines);
            }
        } else if (parser.currentToken() == JsonToken.START_ARRAY) {
            int index = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                String child = path + "[" + index++ + "]";
                lines.putIfAbsent(child, line(parser));
                walk(parser, child, lines);
            }
        }
    }

    private static int line(JsonParser parser) {
        return parser.currentTokenLocation().getLineNr();
    }
}
