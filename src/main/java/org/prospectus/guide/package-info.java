/**
 * The guide to choosing a programme, kept as data that staff can edit later, and the
 * programme finder, a few questions that lead to a filtered search.
 *
 * It offers other modules nothing: no type of it is marked
 * {@code @NamedInterface("api")}.
 */
@ApplicationModule(allowedDependencies = { "search::api", "support", "web" })
@NullMarked
package org.prospectus.guide;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
