/**
 * Staff accounts: sign-in with throttling, invitations and password resets by token,
 * roles, and the sessions that end when an account changes. Offers
 * {@link org.prospectus.account.StaffAccounts} and the security filters the site's
 * configuration installs.
 */
@ApplicationModule(allowedDependencies = { "audit", "support", "web" })
@NullMarked
package org.prospectus.account;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
