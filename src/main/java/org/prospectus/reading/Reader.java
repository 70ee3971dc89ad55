package org.prospectus.reading;

/**
 * A reader who may be given reads.
 *
 * @param id their staff account
 * @param open the reads they have not submitted yet, across every plan
 */
public record Reader(long id, String name, String email, int open) {
}
