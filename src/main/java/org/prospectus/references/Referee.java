package org.prospectus.references;

/**
 * A referee as the applicant names them, checked.
 *
 * @param name their name
 * @param email where the request goes
 * @param relationship how they know the applicant
 * @param knownFor how long they have known them, as the applicant puts it
 */
record Referee(String name, String email, Relationship relationship, String knownFor) {

}
