/**
 * Programmes side by side: a shortlist kept only in the URL, and a table whose rows line
 * up the facts an applicant weighs, with the rows that differ marked.
 */
package org.prospectus.compare;
