/**
 * The guide to choosing a programme, kept as data that staff can edit later, and the
 * programme finder, a few questions that lead to a filtered search.
 */
package org.prospectus.guide;
