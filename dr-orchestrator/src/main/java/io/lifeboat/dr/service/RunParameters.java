package io.lifeboat.dr.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.lifeboat.dr.domain.RunState;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartRestore;
import io.lifeboat.events.envelope.TraceContext;

/**
 * The parameters a run keeps from the command (or health report) that started it, so that a resumed run still knows
 * what it was asked, and in which W3C trace.
 */
final class RunParameters {

    static final String COMMAND_ID = "commandId";
    static final String SCENARIO = "scenario";
    static final String POINT_IN_TIME = "pointInTime";
    static final String BACKUP_ID = "backupId";
    static final String DESTINATION = "destination";
    static final String TRACEPARENT = TraceContext.TRACEPARENT;
    static final String TRACESTATE = TraceContext.TRACESTATE;

    private RunParameters() {
    }

    /** The parameters of a StartRestore; absent fields are left out. */
    static Map<String, String> of(StartRestore command) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(COMMAND_ID, command.commandId());
        parameters.put(SCENARIO, command.scenario().name());
        put(parameters, POINT_IN_TIME, command.pointInTime());
        put(parameters, BACKUP_ID, command.backupId());
        put(parameters, DESTINATION, command.destination());
        return parameters;
    }

    /** The parameters of a StartDrill; absent fields are left out. */
    static Map<String, String> of(StartDrill command) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(COMMAND_ID, command.commandId());
        put(parameters, POINT_IN_TIME, command.pointInTime());
        put(parameters, BACKUP_ID, command.backupId());
        return parameters;
    }

    /** The parameters with the trace the run continues; unchanged when there is none. */
    static Map<String, String> withTrace(Map<String, String> parameters, TraceContext trace) {
        Map<String, String> traced = new LinkedHashMap<>(parameters);
        if (trace != null) {
            traced.put(TRACEPARENT, trace.traceparent());
            put(traced, TRACESTATE, trace.tracestate());
        }
        return traced;
    }

    /** The trace the run continues, read back from its parameters. */
    static Optional<TraceContext> trace(RunState run) {
        return run == null
                ? Optional.empty()
                : TraceContext.parse(run.parameter(TRACEPARENT).orElse(null), run.parameter(TRACESTATE).orElse(null));
    }

    /** The id of the command that started the run; the run id for runs started otherwise. */
    static String commandId(RunState run) {
        return run.parameter(COMMAND_ID).orElse(run.runId());
    }

    private static void put(Map<String, String> parameters, String name, Object value) {
        if (value != null) {
            parameters.put(name, value.toString());
        }
    }
}
