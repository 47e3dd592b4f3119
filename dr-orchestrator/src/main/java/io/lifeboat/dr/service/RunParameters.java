package io.lifeboat.dr.service;

import java.util.LinkedHashMap;
import java.util.Map;

import io.lifeboat.dr.domain.RunState;
import io.lifeboat.events.dr.StartDrill;
import io.lifeboat.events.dr.StartRestore;

/**
 * The parameters a restore or drill run keeps from the command that started it, so that a resumed run still knows
 * what it was asked.
 */
final class RunParameters {

    static final String COMMAND_ID = "commandId";
    static final String SCENARIO = "scenario";
    static final String POINT_IN_TIME = "pointInTime";
    static final String BACKUP_ID = "backupId";
    static final String DESTINATION = "destination";

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
