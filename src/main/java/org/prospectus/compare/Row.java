package org.prospectus.compare;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.prospectus.programme.Career;
import org.prospectus.support.Money;
import org.jspecify.annotations.Nullable;

/**
 * The rows of the comparison, each with what makes two programmes' values the same, so
 * that rows whose values differ can be marked. Missing and present values differ.
 */
public enum Row {

	INSTITUTION((c) -> List.of(c.programme().getInstitution().getId())),

	AWARD((c) -> List.of(c.programme().getAward(), c.programme().getLevel())),

	CREDITS((c) -> List.of(plain(c.programme().getCredits()), c.programme().getCreditSystem())),

	DURATION((c) -> c.programme().getDurationMonths()),

	PACE((c) -> c.programme().getPacePercent()),

	MODE((c) -> c.programme().getMode()),

	LANGUAGE((c) -> c.programme().getLanguage()),

	START((c) -> c.programme().getStartTerm()),

	DEADLINE((c) -> c.hasNextDeadline() ? c.round().round().getDeadlineAt() : null),

	TUITION_PER_YEAR((c) -> money(c.tuition().perYear())),

	TUITION_TOTAL((c) -> money(c.tuition().total())),

	APPLICATION_FEE((c) -> List.of(Objects.toString(money(c.programme().getApplicationFee())),
			Objects.toString(c.programme().getApplicationFeeNote()),
			new LinkedHashSet<>(c.programme().getInstitution().getFeeExemptCountries()))),

	TYPICAL_OFFER((c) -> c.programme().getTypicalOffer()),

	OTHER_REQUIREMENTS((c) -> List.of(Objects.toString(c.programme().getEntryRequirements()),
			Objects.toString(c.programme().getLanguageRequirements()))),

	TOPICS((c) -> new LinkedHashSet<>(c.programme().getTopics())),

	COURSES((c) -> List.of(c.plan().courseCount(), plain(c.plan().compulsoryCredits()))),

	CAREERS((c) -> c.careers().isEmpty() ? c.programme().getCareerTitles()
			: c.careers().stream().map(Career::getSlug).toList());

	private final Function<Column, Object> value;

	Row(Function<Column, Object> value) {
		this.value = value;
	}

	/** Whether the columns do not all have the same value here. */
	boolean differsAcross(List<Column> columns) {
		return columns.stream().map(this.value).map(Row::sameness).distinct().count() > 1;
	}

	/** Sets compare as sets whatever their order; everything else by equality. */
	private static Object sameness(Object value) {
		return (value instanceof Set<?> set) ? Set.copyOf(set) : value;
	}

	public String messageKey() {
		return "compare.row." + name();
	}

	private static @Nullable String plain(BigDecimal number) {
		return (number != null) ? number.stripTrailingZeros().toPlainString() : null;
	}

	private static @Nullable String money(Money money) {
		return (money != null) ? plain(money.amount()) + " " + money.currency() : null;
	}

}
