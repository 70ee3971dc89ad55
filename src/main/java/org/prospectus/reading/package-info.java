/**
 * Selective review (issue 30, ADR 0038): each programme in a round may have a review plan
 * (reads per application, a rubric of weighted criteria, blind reads, the difference that
 * calls for one more read); officers assign reads to the institution's readers, by hand
 * or spread evenly over a pool with a preview; a reader sees only their own reads, oldest
 * first, scores each beside the application with a draft kept as typed, and may give one
 * back for a conflict of interest. Each application's score (the mean of its submitted
 * reads), the reads still to come and a disagreement are kept on the application through
 * the applications module's {@code ReadingRecords}, for the queue.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code ApplicationReads}, {@code ReadState}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "applications::api", "audit::api", "decisions::api",
		"references::api", "support", "web" })
@NullMarked
package org.prospectus.reading;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
