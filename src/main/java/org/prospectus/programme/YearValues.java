package org.prospectus.programme;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.Money;
import org.prospectus.web.Translated;

/**
 * What belongs to a year of entry rather than to the programme: entry requirements,
 * tuition and the application fee, checked, with the translations of its texts (language,
 * then field: only the fields of {@link YearFields#TRANSLATED}).
 */
public record YearValues(@Nullable String typicalOffer, @Nullable String entryRequirements,
		@Nullable String languageRequirements, @Nullable Money tuition, @Nullable TuitionPeriod tuitionPeriod,
		@Nullable String tuitionNote, @Nullable Money applicationFee, @Nullable String applicationFeeNote,
		Map<String, Map<String, String>> translations) {

	/** The values of the programme's current year, as its row holds them. */
	public static YearValues of(Programme programme) {
		return new YearValues(programme.getTypicalOffer(), programme.getEntryRequirements(),
				programme.getLanguageRequirements(), programme.getTuition(), programme.getTuitionPeriod(),
				programme.getTuitionNote(), programme.getApplicationFee(), programme.getApplicationFeeNote(),
				Translated.nested(YearFields.TRANSLATED.select(Translated.flat(programme.translations()))));
	}

	/**
	 * Writes the values onto the programme's row, its current year's, the year's
	 * translations in place of the ones it had.
	 */
	public void applyTo(Programme programme) {
		programme.setEntry(this.typicalOffer, this.entryRequirements, this.languageRequirements);
		programme.setTuition(this.tuition, this.tuitionPeriod, this.tuitionNote);
		programme.setApplicationFee(this.applicationFee, this.applicationFeeNote);
		Map<String, String> texts = new LinkedHashMap<>(Translated.flat(programme.translations()));
		texts.keySet().removeAll(YearFields.TRANSLATED.select(texts).keySet());
		texts.putAll(Translated.flat(this.translations));
		programme.setTranslations(Translated.nested(texts));
	}

}
