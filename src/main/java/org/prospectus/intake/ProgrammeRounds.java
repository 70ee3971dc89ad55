package org.prospectus.intake;

import java.util.List;

/**
 * The application rounds of one programme as its page shows them.
 *
 * @param current the round to feature, or {@code null} when there is none
 * @param earlier rounds whose deadline has passed, latest first, for reference
 */
public record ProgrammeRounds(RoundView current, List<RoundView> earlier) {

}
