/**
 * The top layer: what composes several modules. The home page, the programme page (a
 * programme with its rounds, careers and comparison) and its preview, the staff
 * dashboard, the sitemap, and the security configuration that puts every module's routes
 * behind the right sign-in. Nothing imports it.
 */
@ApplicationModule(allowedDependencies = { "account", "applicant", "applications", "audit", "compare", "course",
		"guide", "institution", "intake", "mail", "privacy", "programme", "review", "search", "staging", "support",
		"web" })
@NullMarked
package org.prospectus.site;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
