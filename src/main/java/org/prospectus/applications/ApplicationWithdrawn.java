package org.prospectus.applications;

import java.time.Instant;
import java.util.UUID;

import org.springframework.modulith.NamedInterface;

/**
 * The applicant withdrew a submitted application; published in the withdrawal's
 * transaction and kept in the event publication registry until every listener has done
 * its work (ADR 0031). A listener may be handed the same event more than once, after a
 * crash or a failure, so each must be idempotent.
 *
 * @param applicationId the application
 * @param at when it was withdrawn
 */
@NamedInterface("api")
public record ApplicationWithdrawn(UUID applicationId, Instant at) {

}
