package io.lifeboat.cli.story;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.lifeboat.cli.ops.LifeboatCommand;
import io.lifeboat.events.envelope.LifeboatJson;

import picocli.CommandLine;

/**
 * Runs the operator's verbs in this JVM against the demo's stack, exactly as {@code ./lifeboat VERB} would, and
 * keeps what they print.
 */
final class OpsCall {

    /** One verb's exit code and output. */
    record Result(List<String> args, int exit, String out, String err) {

        /** The output as JSON, or a failure naming the verb and what it said on standard error. */
        JsonNode json() {
            try {
                return LifeboatJson.mapper().readTree(out);
            } catch (JsonProcessingException e) {
                throw new StoryFailure("'lifeboat " + String.join(" ", args) + "' printed no JSON (" + e
                        .getOriginalMessage() + "): " + err.strip());
            }
        }

        /** This result, or a failure naming the verb, its exit code and its explanation. */
        Result requireSuccess() {
            if (exit != 0) {
                throw new StoryFailure("'lifeboat " + String.join(" ", args) + "' exited with " + exit + ": "
                        + err.strip());
            }
            return this;
        }
    }

    private final List<String> stack;

    OpsCall(String catalog, String scheduler, String bootstrap) {
        this.stack = List.of("--catalog", catalog, "--scheduler", scheduler, "--bootstrap", bootstrap);
    }

    /** Runs {@code lifeboat args...} with the stack's addresses. */
    Result run(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(stack);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = LifeboatCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(all.toArray(String[]::new));
        return new Result(List.of(args), exit, out.toString(), err.toString());
    }

    /** Runs {@code lifeboat args... --json}, requires exit code 0 and returns the JSON it printed. */
    JsonNode json(String... args) {
        String[] withJson = Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        return run(withJson).requireSuccess().json();
    }
}
