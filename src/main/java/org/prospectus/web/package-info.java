/**
 * Shared kernel for the web layer: the 404 and 409 views, pagination, the public URLs of
 * pages, formats of dates and money, prose rendered from plain text, JSON-LD helpers and
 * the filter that turns an over-large upload into a message. It names no feature.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = "support")
@NullMarked
package org.prospectus.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
