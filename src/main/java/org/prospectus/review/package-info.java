/**
 * The admissions officers' area: the queue of applications at a million rows, an
 * application's detail with its documents and notes, decisions, bulk changes, the CSV
 * export and the dashboard.
 */
@ApplicationModule(allowedDependencies = { "account", "applications", "audit", "decisions", "support", "web" })
@NullMarked
package org.prospectus.review;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
