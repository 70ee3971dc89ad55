/**
 * What an institution decides on a submitted application, and what follows: document
 * verdicts and requests, status moves under one rule, offers and their conditions, places
 * and reserve lists, promotions, reply deadlines, decision letters and the decision
 * e-mails on the round's notification date. Offers
 * {@link org.prospectus.decisions.ApplicationReview} and
 * {@link org.prospectus.decisions.OfferReview} to the staff pages,
 * {@link org.prospectus.decisions.AdmissionsReach} (which applications the signed-in
 * officer reaches) and {@link org.prospectus.decisions.Offers} for reading offers.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code AdmissionsReach}, {@code ApplicationReview}, {@code ConditionState},
 * {@code OfferReview}, {@code Offers}, {@code Places}, {@code Promotions},
 * {@code StatusMoves}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "applicant::api", "applications::api", "audit::api",
		"institution::api", "intake::api", "mail::api", "programme::api", "support", "web" })
@NullMarked
package org.prospectus.decisions;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
