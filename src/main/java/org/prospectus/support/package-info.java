/**
 * Shared kernel: building blocks with no notion of a feature. The entity base class
 * (identity, version, timestamps), money, the field checks every staff form uses, and the
 * handling of uploaded files (spooling to disk, telling a real PDF by its content).
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN, allowedDependencies = {})
@NullMarked
package org.prospectus.support;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
