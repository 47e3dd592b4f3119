package io.lifeboat.health.monitor;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import io.lifeboat.events.health.ProbeObservation;
import io.lifeboat.health.probe.Probe;
import io.lifeboat.health.probe.ProbeResult;
import io.lifeboat.health.probe.ResourceUsage;

/** A probe that answers what the test scripted, one answer per round, repeating the last. */
final class FakeProbe implements Probe {

    private final String name;
    private final String instance;
    private final Deque<Answer> answers = new ArrayDeque<>();
    private Answer last = new Answer(true, null, List.of());
    private boolean closed;

    FakeProbe(String name, String instance) {
        this.name = name;
        this.instance = instance;
    }

    FakeProbe passes(ResourceUsage... usages) {
        answers.add(new Answer(true, null, List.of(usages)));
        return this;
    }

    FakeProbe fails(String error) {
        answers.add(new Answer(false, error, List.of()));
        return this;
    }

    FakeProbe throwsOnce(String message) {
        answers.add(new Answer(false, message, null));
        return this;
    }

    boolean closed() {
        return closed;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public ProbeResult probe(Duration timeout) {
        Answer answer = answers.isEmpty() ? last : answers.poll();
        if (answer.usages() == null) {
            throw new IllegalStateException(answer.error());
        }
        last = answer;
        return new ProbeResult(new ProbeObservation(name, instance, answer.ok(), Duration.ofMillis(2),
                answer.ok() ? "primary" : null, null, answer.error()), answer.usages());
    }

    @Override
    public void close() {
        closed = true;
    }

    private record Answer(boolean ok, String error, List<ResourceUsage> usages) {
    }
}
