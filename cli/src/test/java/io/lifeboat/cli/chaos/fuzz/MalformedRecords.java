package io.lifeboat.cli.chaos.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.lifeboat.events.Engine;
import io.lifeboat.events.envelope.EventCodec;
import io.lifeboat.events.envelope.LifeboatJson;

/**
 * Builds binary-mode CloudEvents records from a {@link FuzzTemplate}: valid ones, and malformed ones of each
 * {@link FuzzKind}, with a seeded {@link Random} so that a run can be repeated.
 */
public final class MalformedRecords {

    /** The broker's default maximum message size ({@code message.max.bytes}). */
    static final int BROKER_MAX_MESSAGE_BYTES = 1_048_588;
    /** What a near-maximum record leaves free under the broker's maximum for batch and record overhead. */
    static final int NEAR_MAX_SLACK = 600;
    static final int HUGE_BYTES = 500_000;
    static final String SOURCE = "/lifeboat/chaos-fuzz";

    private final Random random;
    private final Instant now;

    /**
     * Creates a generator.
     *
     * @param random where the random choices come from
     * @param now the instant stamped on the records' {@code ce_time}
     */
    public MalformedRecords(Random random, Instant now) {
        this.random = random;
        this.now = now;
    }

    /** The kinds of malformation that apply to records of {@code template}'s topic. */
    public static List<FuzzKind> kindsFor(FuzzTemplate template) {
        List<FuzzKind> kinds = new ArrayList<>();
        for (FuzzKind kind : FuzzKind.values()) {
            boolean applies = switch (kind) {
                case VALID -> false;
                case NULL_VALUE -> template.commandTopic();
                case STRING_FOR_NUMBER -> template.numberField() != null;
                case BAD_ENUM -> template.enumField() != null;
                case BAD_TIMESTAMP -> template.timeField() != null;
                case OTHER_ENGINE -> template.agentEngine() != null;
                case KEY_NOT_TARGET -> template.keyChecked();
                default -> true;
            };
            if (applies) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** A valid record of {@code template}'s type with {@code body} as payload. */
    public FuzzRecord valid(FuzzTemplate template, ObjectNode body, String id) {
        return new FuzzRecord(id, FuzzKind.VALID, template, body.get("targetId").asText(),
                headers(template, id, body.get("targetId").asText()), json(body));
    }

    /**
     * A record of {@code template}'s topic broken as {@code kind} says.
     *
     * @param template the valid event it is derived from
     * @param kind how to break it; one of {@link #kindsFor(FuzzTemplate)}
     * @param id the record's id
     * @return the record
     */
    public FuzzRecord malformed(FuzzTemplate template, FuzzKind kind, String id) {
        String key = template.targetId();
        List<Header> headers = headers(template, id, key);
        ObjectNode body = template.copyOfBody();
        byte[] value = null;
        switch (kind) {
            case TRUNCATED_JSON -> {
                byte[] whole = json(body);
                value = Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 2));
            }
            case BINARY_GARBAGE -> {
                value = new byte[16 + random.nextInt(2048)];
                random.nextBytes(value);
                value[0] = (byte) 0xFF;
            }
            case EMPTY_VALUE -> value = new byte[0];
            case NULL_VALUE -> value = null;
            case ARRAY_FOR_OBJECT -> value = json(LifeboatJson.mapper().createArrayNode().add(body));
            case STRING_FOR_NUMBER -> value = json(body.put(template.numberField(), "not-a-number"));
            case NUMBER_FOR_STRING -> value = json(body.put("targetId", random.nextInt(1000)));
            case BAD_ENUM -> value = json(body.put(template.enumField(), "NO_SUCH_CONSTANT_" + random.nextInt(100)));
            case BAD_TIMESTAMP -> value = json(body.put(template.timeField(), "yesterday at noon"));
            case MISSING_REQUIRED -> {
                body.remove("targetId");
                value = json(body);
            }
            case HUGE_FIELD -> {
                ArrayNode huge = body.putArray("targetId");
                for (int i = 0; i < HUGE_BYTES / 6; i++) {
                    huge.add(10_000 + random.nextInt(90_000));
                }
                value = json(body);
            }
            case HUGE_HEADER -> {
                replace(headers, "ce_type", template.type() + "." + "x".repeat(HUGE_BYTES));
                value = json(body);
            }
            case NEAR_MAX_SIZE -> value = nearMaximum(key, headers);
            case UNKNOWN_VERSION -> {
                replace(headers, "ce_type", template.type().replaceAll("\\.v\\d+$", ".v99"));
                value = json(body);
            }
            case UNKNOWN_TYPE -> {
                replace(headers, "ce_type", "io.lifeboat.fuzz.unknown.v1");
                value = json(body);
            }
            case UNKNOWN_SPECVERSION -> {
                replace(headers, "ce_specversion", "9.9");
                value = json(body);
            }
            case MISSING_CE_TYPE, MISSING_CE_ID, MISSING_CE_SOURCE, MISSING_CE_TIME -> {
                String name = "ce_" + kind.name().substring("MISSING_CE_".length()).toLowerCase(java.util.Locale.ROOT);
                headers.removeIf(h -> h.key().equals(name));
                value = json(body);
            }
            case DUPLICATED_CE_TYPE -> {
                headers.add(header("ce_type", "io.lifeboat.fuzz.duplicate.v1"));
                value = json(body);
            }
            case NO_HEADERS -> {
                headers.clear();
                key = id;
                value = json(body);
            }
            case WRONG_CONTENT_TYPE -> {
                replace(headers, "content-type", "application/xml");
                value = ("<event><targetId>" + key + "</targetId></event>").getBytes(StandardCharsets.UTF_8);
            }
            case BAD_STRUCTURED_MODE -> {
                headers.removeIf(h -> h.key().startsWith("ce_"));
                replace(headers, "content-type", "application/cloudevents+json");
                value = json(body);
            }
            case SUBJECT_MISMATCH -> {
                replace(headers, "ce_subject", key + "-other");
                value = json(body);
            }
            case OTHER_ENGINE -> {
                Engine[] engines = Engine.values();
                Engine other = engines[(template.agentEngine().ordinal() + 1 + random.nextInt(engines.length - 1))
                        % engines.length];
                value = json(body.put("engine", other.name()));
            }
            case KEY_NOT_TARGET -> {
                key = id;
                value = json(body);
            }
            case VALID -> throw new IllegalArgumentException("a valid record is built with valid(), not malformed()");
            default -> throw new IllegalArgumentException("no malformation " + kind);
        }
        return new FuzzRecord(id, kind, template, key, headers, value);
    }

    private static byte[] nearMaximum(String key, List<Header> headers) {
        int used = key.length();
        for (Header h : headers) {
            used += h.key().length() + h.value().length;
        }
        byte[] value = new byte[BROKER_MAX_MESSAGE_BYTES - NEAR_MAX_SLACK - used];
        Arrays.fill(value, (byte) 'a');
        byte[] start = "{\"targetId\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, value, 0, start.length);
        // The string is never closed: the body is no JSON.
        return value;
    }

    private List<Header> headers(FuzzTemplate template, String id, String subject) {
        List<Header> headers = new ArrayList<>();
        headers.add(header("ce_specversion", "1.0"));
        headers.add(header("ce_id", "fuzz-" + id));
        headers.add(header("ce_source", SOURCE));
        headers.add(header("ce_type", template.type()));
        headers.add(header("ce_subject", subject));
        headers.add(header("ce_time", now.toString()));
        headers.add(header("ce_" + EventCodec.CORRELATION_ID, "fuzz-" + id));
        headers.add(header("content-type", EventCodec.JSON));
        headers.add(header(FuzzRecord.CHAOS_ID, id));
        return headers;
    }

    private static void replace(List<Header> headers, String name, String value) {
        headers.removeIf(h -> h.key().equals(name));
        headers.add(header(name, value));
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] json(Object body) {
        try {
            return LifeboatJson.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unable to write a fuzz body: " + e.getMessage(), e);
        }
    }
}
