package org.prospectus.staging;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * A published programme or course as the sitemap lists it.
 *
 * @param key the programme's slug or the course's code
 * @param updatedAt when the entry itself last changed
 */
@NamedInterface("api")
public record PublishedEntry(String key, Instant updatedAt) {

}
