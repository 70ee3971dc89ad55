/**
 * Application rounds: when applications open and close for which programmes, their
 * milestones in the coordinating institution's zone, the deadlines page and calendar
 * feeds. Offers {@link org.prospectus.intake.RoundService}.
 */
@ApplicationModule(
		allowedDependencies = { "account", "audit", "institution", "programme", "staging", "support", "web" })
@NullMarked
package org.prospectus.intake;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
