/**
 * Application rounds: when applications open and close for which programmes, their
 * milestones in the coordinating institution's zone, the deadlines page and calendar
 * feeds. Offers {@link org.prospectus.intake.RoundService}.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code ApplicationRound}, {@code ProgrammeRounds}, {@code RoundChoices},
 * {@code RoundEditing}, {@code RoundReferencesChanged}, {@code RoundRolledOver},
 * {@code RoundService}, {@code RoundState}, {@code RoundTimeline}, {@code RoundView};
 * everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "audit::api", "institution::api", "programme::api",
		"staging::api", "support", "web" })
@NullMarked
package org.prospectus.intake;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
