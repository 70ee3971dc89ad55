/**
 * The admissions officers' area: the queue of applications at a million rows, an
 * application's detail with its documents and notes, decisions, bulk changes, the CSV
 * export and the dashboard.
 *
 * It offers other modules nothing: no type of it is marked
 * {@code @NamedInterface("api")}.
 */
@ApplicationModule(allowedDependencies = { "account::api", "applications::api", "audit::api", "decisions::api",
		"reading::api", "references::api", "support", "web" })
@NullMarked
package org.prospectus.review;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
