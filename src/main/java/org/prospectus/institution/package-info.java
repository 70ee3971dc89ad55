/**
 * Institutions: the universities that publish on the portal, with their zone, fee rules
 * and contact details, and the administrators' pages that edit them. Other modules read
 * them through {@link org.prospectus.institution.Institutions}.
 *
 * What other modules may use is marked {@code @NamedInterface("api")}:
 * {@code Institution}, {@code Institutions}, {@code RefusalReason}; everything else is
 * its own.
 */
@ApplicationModule(allowedDependencies = { "account::api", "audit::api", "support", "web" })
@NullMarked
package org.prospectus.institution;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
