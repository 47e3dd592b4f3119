package io.lifeboat.dr.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * The standby chosen for promotion, or why none is fit.
 *
 * @param instance the standby to promote; null when none is fit
 * @param replicationLag how far the chosen standby's replay is behind; null when none is fit
 * @param reason the choice in words, naming each candidate and why it was taken or passed over
 */
public record StandbyChoice(String instance, Duration replicationLag, String reason) {

    /**
     * Returns the chosen standby.
     *
     * @return the instance, or empty when no standby is fit for promotion
     */
    public Optional<String> chosen() {
        return Optional.ofNullable(instance);
    }
}
