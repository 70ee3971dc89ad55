package org.prospectus.compare;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.prospectus.intake.RoundState;
import org.prospectus.intake.RoundView;
import org.prospectus.programme.Career;
import org.prospectus.programme.PlanView;
import org.prospectus.programme.Programme;

/**
 * One programme's column in the comparison.
 *
 * @param programme the programme with its institution
 * @param plan its public plan
 * @param careers the careers it leads to
 * @param round the open or upcoming round with the nearest deadline, or {@code null}
 * @param tuition its tuition per year and in total
 */
public record Column(Programme programme, PlanView plan, List<Career> careers, @Nullable RoundView round,
		Tuition tuition) {

	/** Whether the round admits applications now or will: a deadline to show. */
	public boolean hasNextDeadline() {
		return this.round != null && (this.round.isOpen() || this.round.state() == RoundState.UPCOMING);
	}

	/** The programme's other entry requirements: academic and language, in that order. */
	public boolean hasOtherRequirements() {
		return this.programme.getEntryRequirements() != null || this.programme.getLanguageRequirements() != null;
	}

}
