/**
 * Staff accounts: sign-in with throttling, invitations and password resets by token,
 * roles, and the sessions that end when an account changes. Invitation and reset links go
 * out through the mail outbox. Offers {@link org.prospectus.account.StaffAccounts} and
 * the security filters the site's configuration installs.
 */
@ApplicationModule(allowedDependencies = { "audit", "mail", "support", "web" })
@NullMarked
package org.prospectus.account;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
