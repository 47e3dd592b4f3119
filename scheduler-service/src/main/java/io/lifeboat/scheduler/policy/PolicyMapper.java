package io.lifeboat.scheduler.policy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.lifeboat.events.Engine;
import io.lifeboat.events.envelope.LifeboatJson;
import io.lifeboat.events.policy.PolicySpec;

/**
 * The Jackson mapping of policies written by people (a policy file, a REST body): the message mapping plus
 * durations such as {@code 5m} or {@code 1d12h}, enum values in any case, counts left out read as 0 (retention
 * buckets, a storage tier's afterDays), and unknown fields refused so that a misspelt field is not silently ignored.
 */
public final class PolicyMapper {

    private static final ObjectMapper JSON = lenient(LifeboatJson.mapper().copy());
    // JsonMapper cannot be copied onto another format, so the YAML mapper repeats LifeboatJson's settings.
    private static final ObjectMapper YAML = lenient(YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build());

    // Require's messages: "BackupSchedule.cron must not be blank", "Scheduling.misfireCap must be at least 1, ...".
    private static final Pattern RECORD_FIELD = Pattern.compile("(\\w+)\\.(\\w+) (.*)", Pattern.DOTALL);

    private PolicyMapper() {
    }

    /**
     * Returns the JSON mapper for policies; callers must not reconfigure it.
     *
     * @return the shared, thread-safe mapper
     */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Returns the YAML mapper for policies, configured as {@link #json()}; callers must not reconfigure it.
     *
     * @return the shared, thread-safe mapper
     */
    public static ObjectMapper yaml() {
        return YAML;
    }

    /**
     * Reads one policy from JSON.
     *
     * @param json the policy
     * @return the policy as written, not yet checked by {@link PolicyRules}
     * @throws JsonProcessingException when it is not JSON or a field cannot be bound; see {@link #describe}
     */
    public static PolicySpec readSpec(String json) throws JsonProcessingException {
        return JSON.readValue(json, PolicySpec.class);
    }

    /**
     * Turns a reading failure into problems named by the JSON path of the field.
     *
     * @param e the failure of {@link #readSpec} or of a policy mapper
     * @return one problem, e.g. {@code engine: unknown value 'oracle'; one of postgres, redis, mongodb, filesystem}
     */
    public static List<PolicyProblem> describe(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            return List.of(new PolicyProblem("policy", "is not well-formed: " + e.getOriginalMessage()));
        }
        String path = path(mapping.getPath());
        String field = path.isEmpty() ? "policy" : path;
        if (e instanceof UnrecognizedPropertyException unknown) {
            String known = unknown.getKnownPropertyIds() == null
                    ? ""
                    : "; known fields: " + unknown
                            .getKnownPropertyIds().stream().map(String::valueOf).sorted()
                            .collect(Collectors.joining(", "));
            return List.of(new PolicyProblem(field, "unknown field" + known));
        }
        if (e instanceof InvalidFormatException format) {
            return List.of(new PolicyProblem(field, invalidValue(format.getTargetType(), format.getValue())));
        }
        if (e instanceof ValueInstantiationException creation
                && creation.getCause() instanceof IllegalArgumentException) {
            return List.of(recordProblem(path, creation.getCause().getMessage()));
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return List.of(new PolicyProblem(field, "expected " + expected(mismatch.getTargetType())));
        }
        return List.of(new PolicyProblem(field, mapping.getOriginalMessage()));
    }

    private static ObjectMapper lenient(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("lifeboat-policy-durations").addDeserializer(Duration.class,
                new LenientDurationDeserializer()));
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        // A person writes only the retention counts they use; the message mapping wants all five.
        mapper.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.setConfig(mapper.getDeserializationConfig().with(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS));
        return mapper;
    }

    /** {@code schedules[0].cron} from Jackson's references. */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String invalidValue(Class<?> type, Object value) {
        if (type == Duration.class) {
            return "invalid duration '" + value + "': " + LenientDurationDeserializer.HINT;
        }
        if (type != null && type.isEnum()) {
            return "unknown value '" + value + "'; one of " + choices(type);
        }
        return "invalid value '" + value + "'; expected " + expected(type);
    }

    private static String choices(Class<?> enumType) {
        if (enumType == Engine.class) {
            return Arrays.stream(Engine.values()).map(Engine::id).collect(Collectors.joining(", "));
        }
        return Arrays.stream(enumType.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                .collect(Collectors.joining(", "));
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (type == Duration.class) {
            return "a duration: " + LenientDurationDeserializer.HINT;
        }
        if (type.isEnum()) {
            return "one of " + choices(type);
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class) {
            return "a whole number";
        }
        return "a mapping of " + type.getSimpleName() + " fields";
    }

    /** A record constructor's failure, named by the path of the object plus the field its message names. */
    private static PolicyProblem recordProblem(String path, String message) {
        Matcher m = RECORD_FIELD.matcher(message == null ? "" : message);
        if (!m.matches()) {
            return new PolicyProblem(path.isEmpty() ? "policy" : path, String.valueOf(message));
        }
        String field = path.isEmpty() ? m.group(2) : path + "." + m.group(2);
        String text = m.group(3);
        if (text.equals("must not be blank") || text.equals("must not be null")) {
            text = "is required";
        }
        return new PolicyProblem(field, text);
    }
}
