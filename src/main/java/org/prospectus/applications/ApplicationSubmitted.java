package org.prospectus.applications;

import java.time.Instant;
import java.util.UUID;

/**
 * An application was submitted; published in the submission's transaction (ADR 0031).
 *
 * @param applicationId the application
 * @param roundId the round it was submitted to
 * @param at when it was submitted
 */
public record ApplicationSubmitted(UUID applicationId, long roundId, Instant at) {

}
