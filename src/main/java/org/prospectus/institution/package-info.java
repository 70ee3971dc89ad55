/**
 * Institutions: the universities that publish on the portal, with their zone, fee rules
 * and contact details, and the administrators' pages that edit them. Other modules read
 * them through {@link org.prospectus.institution.Institutions}.
 */
@ApplicationModule(allowedDependencies = { "account", "audit", "support", "web" })
@NullMarked
package org.prospectus.institution;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
