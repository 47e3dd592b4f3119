package io.lifeboat.agentkit.agent.it;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import io.lifeboat.agentkit.agent.messaging.FactNotWrittenException;
import io.lifeboat.agentkit.agent.messaging.FactPublisher;
import io.lifeboat.events.backup.BackupCompleted;
import io.lifeboat.events.envelope.Envelope;

/**
 * The real publisher, except that for chosen targets the first {@code BackupCompleted} is never written: the agent
 * stops between storing the manifest and writing the outcome, as if its process died there.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CrashingFactPublisher extends FactPublisher {

    private final Set<String> crashing = ConcurrentHashMap.newKeySet();

    /** The next completion of {@code targetId} is lost. */
    public void crashBeforeOutcome(String targetId) {
        crashing.add(targetId);
    }

    @Override
    public void publish(Envelope<?> fact) {
        if (fact.payload() instanceof BackupCompleted && crashing.remove(fact.subject())) {
            throw new FactNotWrittenException(fact, new IllegalStateException("agent stopped before the outcome"));
        }
        super.publish(fact);
    }
}
