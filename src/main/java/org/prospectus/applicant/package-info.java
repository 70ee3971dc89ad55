/**
 * Applicant accounts: registration, e-mail confirmation, sign-in by password or e-mailed
 * link, and rescue of a half-typed form when a session expires. Offers
 * {@link org.prospectus.applicant.ApplicantAccounts} and the applicant's security
 * principal.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}: {@code Applicant},
 * {@code ApplicantAccounts}, {@code ApplicantAuthentication}, {@code ApplicantPrincipal},
 * {@code ExpiredSessionRescue}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "mail::api", "support", "web" })
@NullMarked
package org.prospectus.applicant;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
