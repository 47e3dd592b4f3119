package io.lifeboat.agent.fs.tree;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Encodes and decodes the three kinds of snapshot tree lines with a fixed field order. */
final class TreeJson {

    static final Pattern CHUNK_ID = Pattern.compile("[0-9a-f]{64}");

    private static final JsonFactory FACTORY = new JsonFactory();
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private TreeJson() {
    }

    static String header(TreeHeader h) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("format", h.format());
            g.writeStringField("root", h.root());
            g.writeStringField("createdAt", h.createdAt().toString());
            g.writeStringField("host", h.host());
            g.writeEndObject();
        }
        return out.toString();
    }

    static String entry(Node n) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("path", n.path());
            g.writeStringField("type", n.type().jsonName());
            g.writeNumberField("size", n.size());
            g.writeStringField("mode", String.format("%04o", n.mode()));
            g.writeNumberField("uid", n.uid());
            g.writeNumberField("gid", n.gid());
            if (n.user() != null) {
                g.writeStringField("user", n.user());
            }
            if (n.group() != null) {
                g.writeStringField("group", n.group());
            }
            g.writeStringField("mtime", n.mtime().toString());
            g.writeNumberField("ino", n.inode());
            g.writeNumberField("dev", n.device());
            if (n.symlinkTarget() != null) {
                g.writeStringField("target", n.symlinkTarget());
            }
            if (n.hardLinkTo() != null) {
                g.writeStringField("linkTo", n.hardLinkTo());
            }
            if (n.type() == NodeType.FILE) {
                g.writeArrayFieldStart("chunks");
                for (String c : n.chunks()) {
                    g.writeString(c);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    static String trailer(TreeTrailer t) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("entries", t.entries());
            g.writeNumberField("files", t.files());
            g.writeNumberField("dirs", t.dirs());
            g.writeNumberField("bytes", t.bytes());
            g.writeArrayFieldStart("partial");
            for (Problem p : t.partial()) {
                g.writeStartObject();
                g.writeStringField("path", p.path());
                g.writeStringField("reason", p.reason());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toString();
    }

    static TreeHeader readHeader(JsonNode o) {
        return new TreeHeader(text(o, "format"), text(o, "root"), Instant.parse(text(o, "createdAt")),
                text(o, "host"));
    }

    static Node readEntry(JsonNode o) {
        NodeType type = NodeType.fromJson(text(o, "type"));
        if (type == null) {
            throw new IllegalArgumentException("unknown type '" + o.path("type").asText() + "'");
        }
        List<String> chunks = new ArrayList<>();
        for (JsonNode c : o.path("chunks")) {
            chunks.add(c.asText());
        }
        return new Node(text(o, "path"), type, number(o, "size"), Integer.parseInt(text(o, "mode"), 8),
                number(o, "uid"), number(o, "gid"), optionalText(o, "user"), optionalText(o, "group"),
                Instant.parse(text(o, "mtime")), number(o, "ino"), number(o, "dev"), optionalText(o, "target"),
                optionalText(o, "linkTo"), chunks);
    }

    static TreeTrailer readTrailer(JsonNode o) {
        List<Problem> partial = new ArrayList<>();
        for (JsonNode p : o.path("partial")) {
            partial.add(new Problem(text(p, "path"), text(p, "reason")));
        }
        return new TreeTrailer(number(o, "entries"), number(o, "files"), number(o, "dirs"), number(o, "bytes"),
                partial);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not a string");
        }
        return v.asText();
    }

    private static String optionalText(JsonNode o, String field) {
        return o.has(field) ? text(o, field) : null;
    }

    private static long number(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber()) {
            throw new IllegalArgumentException("field '" + field + "' is missing or not an integer");
        }
        return v.asLong();
    }
}
