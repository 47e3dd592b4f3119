package io.lifeboat.scheduler.rest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.lifeboat.events.policy.DefinePolicy;
import io.lifeboat.events.policy.PolicySpec;
import io.lifeboat.scheduler.config.SchedulerConfig;
import io.lifeboat.scheduler.policy.PolicyFile;
import io.lifeboat.scheduler.policy.PolicyMapper;
import io.quarkus.runtime.StartupEvent;

/**
 * Defines the policies of the YAML file named by {@code lifeboat.scheduler.policy-file} at start-up. A file with any
 * mistake stops the start with every mistake listed; a policy the file repeats unchanged publishes nothing new (the
 * scheduler ignores a definition whose rules are already in force).
 */
@ApplicationScoped
public class PolicyFileLoader {

    private static final Logger LOG = Logger.getLogger(PolicyFileLoader.class);

    void onStart(@Observes StartupEvent start, SchedulerConfig config, CommandPublisher publisher) {
        if (config.policyFile().isEmpty()) {
            return;
        }
        Path file = config.policyFile().get();
        List<PolicySpec> specs = PolicyFile.read(file);
        for (PolicySpec spec : specs) {
            publisher.publish(new DefinePolicy(commandId(file, spec), spec, "policy-file:" + file.getFileName(), null,
                    1));
        }
        LOG.infof("sent %d policies of %s to the scheduler", specs.size(), file);
    }

    // The same file content gives the same command id, so a redelivery is recognised as one.
    private static String commandId(Path file, PolicySpec spec) {
        try {
            String content = file.toAbsolutePath() + "\n" + PolicyMapper.json().writeValueAsString(spec);
            return UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unable to write the policy of " + spec.targetId() + " from " + file, e);
        }
    }
}
