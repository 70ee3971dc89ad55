package org.prospectus.intake;

import org.springframework.modulith.NamedInterface;

/**
 * A round's numbers of references changed (its own, or a programme's), in the transaction
 * that publishes this: the applications that need them are worked out again with it.
 *
 * @param roundId the round
 */
@NamedInterface("api")
public record RoundReferencesChanged(long roundId) {

}
