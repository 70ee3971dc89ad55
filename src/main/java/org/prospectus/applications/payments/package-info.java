/**
 * The seam for online payment providers (ADR 0026): the provider interface and the
 * signed, idempotent webhook through which a provider reports that an application fee is
 * paid. Part of the applications module, not a module of its own.
 */
@NullMarked
package org.prospectus.applications.payments;

import org.jspecify.annotations.NullMarked;
