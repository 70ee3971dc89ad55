package org.prospectus.review;

import java.time.Instant;
import java.util.UUID;

import org.prospectus.applications.ApplicationStatus;
import org.prospectus.applications.FeeStatus;

/**
 * One application as the queue lists it.
 *
 * @param nameKey the lower-case name the name sort orders by
 * @param version the row's version, carried from a bulk preview to its confirmation
 */
public record QueueRow(UUID id, String reference, String name, String email, long roundId, Long firstChoice,
		ApplicationStatus status, FeeStatus fee, String citizenship, boolean missingDocuments, Instant submittedAt,
		long version, String nameKey) {

}
