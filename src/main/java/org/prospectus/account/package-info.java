/**
 * Staff accounts: sign-in with throttling, invitations and password resets by token,
 * roles, and the sessions that end when an account changes. Invitation and reset links go
 * out through the mail outbox. Offers {@link org.prospectus.account.StaffAccounts} and
 * the security filters the site's configuration installs.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code AccessEpochFilter}, {@code KeepTypedEmailFailureHandler},
 * {@code PasswordPolicy}, {@code SetPasswordForm}, {@code SignInBusyException},
 * {@code SignInThrottle}, {@code StaffAccessFilter}, {@code StaffAccounts},
 * {@code StaffActing}, {@code StaffMemberships}, {@code StaffRole}, {@code StaffScope},
 * {@code StaffUser}, {@code ThrottlingAuthenticationProvider}, {@code Tokens}; everything
 * else is its own.
 */
@ApplicationModule(allowedDependencies = { "audit::api", "mail::api", "support", "web" })
@NullMarked
package org.prospectus.account;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
