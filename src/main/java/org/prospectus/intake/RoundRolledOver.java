package org.prospectus.intake;

import org.springframework.modulith.NamedInterface;

/**
 * A round was rolled over to a draft copy for the next cycle, in the transaction that
 * publishes this: modules that keep data per round (places, the reserve list's rule) copy
 * theirs in the same transaction.
 *
 * @param fromRoundId the round rolled over
 * @param copyRoundId its copy
 */
@NamedInterface("api")
public record RoundRolledOver(long fromRoundId, long copyRoundId) {

}
