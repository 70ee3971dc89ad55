package org.prospectus.programme;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.Money;

/**
 * What belongs to a year of entry rather than to the programme: entry requirements,
 * tuition and the application fee, checked.
 */
public record YearValues(@Nullable String typicalOffer, @Nullable String entryRequirements,
		@Nullable String languageRequirements, @Nullable Money tuition, @Nullable TuitionPeriod tuitionPeriod,
		@Nullable String tuitionNote, @Nullable Money applicationFee, @Nullable String applicationFeeNote) {

	/** The values of the programme's current year, as its row holds them. */
	public static YearValues of(Programme programme) {
		return new YearValues(programme.getTypicalOffer(), programme.getEntryRequirements(),
				programme.getLanguageRequirements(), programme.getTuition(), programme.getTuitionPeriod(),
				programme.getTuitionNote(), programme.getApplicationFee(), programme.getApplicationFeeNote());
	}

	/** Writes the values onto the programme's row, its current year's. */
	public void applyTo(Programme programme) {
		programme.setEntry(this.typicalOffer, this.entryRequirements, this.languageRequirements);
		programme.setTuition(this.tuition, this.tuitionPeriod, this.tuitionNote);
		programme.setApplicationFee(this.applicationFee, this.applicationFeeNote);
	}

}
