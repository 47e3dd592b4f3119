package io.lifeboat.cli.chaos.fuzz;

/** One way a record on a consumed topic is broken; {@link #VALID} is the unbroken record it is derived from. */
public enum FuzzKind {

    /** A well-formed record that must take effect. */
    VALID("valid"),
    /** The JSON body cut short. */
    TRUNCATED_JSON("invalid JSON: truncated"),
    /** Random bytes that are no UTF-8 JSON at all. */
    BINARY_GARBAGE("invalid JSON: binary garbage"),
    /** A value of zero bytes. */
    EMPTY_VALUE("invalid JSON: empty value"),
    /** A record without a value (a tombstone) on a command topic. */
    NULL_VALUE("invalid JSON: null value"),
    /** A JSON array where the payload object belongs. */
    ARRAY_FOR_OBJECT("wrong type: array for the object"),
    /** A string where the payload has a number. */
    STRING_FOR_NUMBER("wrong type: string for a number"),
    /** A number where the payload's target id, a string, belongs. */
    NUMBER_FOR_STRING("wrong type: number for a string"),
    /** An enum field with a constant the contract does not know. */
    BAD_ENUM("wrong type: bad enum"),
    /** A timestamp field that is no ISO-8601 instant. */
    BAD_TIMESTAMP("wrong type: bad timestamp"),
    /** The payload without its target id. */
    MISSING_REQUIRED("missing required field"),
    /** A required field replaced by an array of about 500 KB. */
    HUGE_FIELD("huge field (~500 KB)"),
    /** A {@code ce_type} header of about 500 KB. */
    HUGE_HEADER("huge header (~500 KB ce_type)"),
    /** An invalid body just under the broker's 1 MB maximum message size. */
    NEAR_MAX_SIZE("huge value just under the broker's maximum message size"),
    /** A {@code ce_type} of a version no reader knows. */
    UNKNOWN_VERSION("unknown version of the event type"),
    /** A {@code ce_type} no reader knows. */
    UNKNOWN_TYPE("unknown event type"),
    /** A {@code ce_specversion} other than 1.0. */
    UNKNOWN_SPECVERSION("unknown CloudEvents specversion"),
    /** No {@code ce_type} header. */
    MISSING_CE_TYPE("missing header ce_type"),
    /** No {@code ce_id} header. */
    MISSING_CE_ID("missing header ce_id"),
    /** No {@code ce_source} header. */
    MISSING_CE_SOURCE("missing header ce_source"),
    /** No {@code ce_time} header. */
    MISSING_CE_TIME("missing header ce_time"),
    /** Two {@code ce_type} headers, the last one of an unknown type. */
    DUPLICATED_CE_TYPE("duplicated header ce_type"),
    /** No header at all; the record is matched by its key. */
    NO_HEADERS("no headers at all"),
    /** An XML body announced as {@code application/xml}. */
    WRONG_CONTENT_TYPE("wrong content type (XML)"),
    /** A structured-mode content type with a body that is no CloudEvent. */
    BAD_STRUCTURED_MODE("structured mode without the CloudEvent attributes"),
    /** A {@code ce_subject} other than the payload's target id. */
    SUBJECT_MISMATCH("ce_subject is not the payload's target"),
    /** A valid command for another engine on an agent's command topic. */
    OTHER_ENGINE("command for another engine on an agent's topic"),
    /** A valid fact keyed by something other than its target id on a target-keyed topic. */
    KEY_NOT_TARGET("record key is not the target id");

    private final String description;

    FuzzKind(String description) {
        this.description = description;
    }

    /** What is wrong with a record of this kind, for people. */
    public String description() {
        return description;
    }

    /** Whether this kind is built at most a few times per topic (its records are large). */
    public boolean large() {
        return this == HUGE_FIELD || this == HUGE_HEADER || this == NEAR_MAX_SIZE;
    }
}
