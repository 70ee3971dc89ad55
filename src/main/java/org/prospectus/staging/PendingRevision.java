package org.prospectus.staging;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * Edits saved but not yet published: the edit form as the editor left it.
 *
 * @param <F> the form type
 * @param form the saved form
 * @param baseVersion the version of the live record the edits were made against
 * @param version this revision's own version, which changes at each save
 * @param author who saved it last
 * @param updatedAt when
 */
@NamedInterface("api")
public record PendingRevision<F>(F form, long baseVersion, long version, String author, Instant updatedAt) {

}
