/**
 * Outgoing e-mail through a transactional outbox: a message is stored with the change
 * that causes it and sent later, with retries, by one sender across instances. Offers
 * {@link org.prospectus.mail.MailOutbox}.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code MailOutbox}; everything else is its own.
 */
@ApplicationModule(allowedDependencies = { "support", "web" })
@NullMarked
package org.prospectus.mail;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
