package org.prospectus.intake;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/**
 * The application rounds of one programme as its page shows them.
 *
 * @param current the round to feature, or {@code null} when there is none
 * @param alsoOpen other rounds that are open or upcoming, as when a programme is in its
 * own institution's round and in a joint one, by deadline
 * @param earlier rounds whose deadline has passed, latest first, for reference
 */
@NamedInterface("api")
public record ProgrammeRounds(@Nullable RoundView current, List<RoundView> alsoOpen, List<RoundView> earlier) {

}
