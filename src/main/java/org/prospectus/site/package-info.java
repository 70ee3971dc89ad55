/**
 * The top layer: what composes several modules. The home page, the programme page (a
 * programme with its rounds, careers and comparison) and its preview, the staff
 * dashboard, the sitemap, and the security configuration that puts every module's routes
 * behind the right sign-in. Nothing imports it.
 *
 * It offers other modules nothing: no type of it is marked
 * {@code @NamedInterface("api")}.
 */
@ApplicationModule(
		allowedDependencies = { "account::api", "applicant::api", "compare::api", "course::api", "institution::api",
				"intake::api", "privacy::api", "programme::api", "search::api", "staging::api", "support", "web" })
@NullMarked
package org.prospectus.site;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
