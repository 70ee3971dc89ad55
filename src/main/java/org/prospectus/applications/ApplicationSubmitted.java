package org.prospectus.applications;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * An application was submitted; published in the submission's transaction (ADR 0031).
 *
 * @param applicationId the application
 * @param roundId the round it was submitted to
 * @param at when it was submitted
 * @param firstChoice the programme ranked first, if any
 */
@NamedInterface("api")
public record ApplicationSubmitted(UUID applicationId, long roundId, Instant at, @Nullable Long firstChoice) {

}
