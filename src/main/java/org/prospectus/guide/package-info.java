/**
 * The guide to choosing a programme, kept as data that staff can edit later, and the
 * programme finder, a few questions that lead to a filtered search.
 */
@ApplicationModule(allowedDependencies = { "search", "support", "web" })
@NullMarked
package org.prospectus.guide;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
