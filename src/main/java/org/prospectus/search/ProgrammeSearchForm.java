package org.prospectus.search;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.prospectus.programme.ProgrammeLevel;
import org.prospectus.programme.StudyMode;
import org.prospectus.support.Money;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * The search page's query string. Every field arrives as text and is parsed leniently: a
 * value that is not one of the offered options is ignored, never an error page, because
 * bookmarked and hand-edited URLs must keep working. A budget is the exception a person
 * types: one that cannot be used is said so beside its field (see
 * {@link #budgetProblem()}).
 */
public class ProgrammeSearchForm {

	static final int PAGE_SIZE = 10;

	static final int MAX_PAGE = 1000;

	private String q;

	private String institution;

	private String level;

	private String mode;

	private String pace;

	private String language;

	private String duration;

	private String topic;

	private String open;

	private String maxTuition;

	private String currency;

	private String start;

	private String page;

	public ProgrammeSearchCriteria toCriteria() {
		return new ProgrammeSearchCriteria(blankToNull(this.q), blankToNull(this.institution),
				parse(ProgrammeLevel.class, this.level), parse(StudyMode.class, this.mode),
				parse(Pace.class, this.pace), blankToNull(this.language), parse(DurationBand.class, this.duration),
				blankToNull(this.topic), "true".equalsIgnoreCase(blankToNull(this.open)), budget(), startMonth());
	}

	/**
	 * The budget, when both an amount and a currency are given. Thousands separators and
	 * spaces are allowed in the amount; anything else is ignored, as for every filter.
	 */
	@Nullable Money budget() {
		String amount = blankToNull(this.maxTuition);
		String code = blankToNull(this.currency);
		if (amount == null || code == null || !code.matches("[A-Za-z]{3}")) {
			return null;
		}
		String digits = digits(amount);
		if (digits == null) {
			return null;
		}
		try {
			return new Money(new BigDecimal(digits), code.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * The amount typed, whether or not a currency came with it: the counts beside the
	 * currencies apply it, since choosing one makes the budget. {@code null} when none
	 * was typed or it is not a number.
	 */
	public @Nullable BigDecimal amount() {
		String amount = blankToNull(this.maxTuition);
		String digits = (amount != null) ? digits(amount) : null;
		return (digits != null) ? new BigDecimal(digits) : null;
	}

	/**
	 * Why the amount typed cannot be used as a budget, or {@code null} when it can or
	 * none was typed. A currency alone is no budget, and nothing to complain of.
	 */
	public @Nullable BudgetProblem budgetProblem() {
		String amount = blankToNull(this.maxTuition);
		if (amount == null) {
			return null;
		}
		if (digits(amount) == null) {
			return BudgetProblem.AMOUNT;
		}
		return (budget() == null) ? BudgetProblem.CURRENCY : null;
	}

	/** The amount without its separators, or {@code null} when it is not a number. */
	private static @Nullable String digits(String amount) {
		String digits = amount.replaceAll("[,\\s\u00a0]", "");
		return digits.matches("\\d{1,10}(\\.\\d{1,2})?") ? digits : null;
	}

	/** The start month, written as 2027-09; anything else is ignored. */
	@Nullable YearMonth startMonth() {
		String value = blankToNull(this.start);
		if (value == null) {
			return null;
		}
		try {
			return YearMonth.parse(value);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	public Pageable toPageable() {
		return PageRequest.of(pageNumber() - 1, PAGE_SIZE);
	}

	/** The requested page, from 1, clamped to a sane range. */
	public int pageNumber() {
		try {
			int number = Integer.parseInt(blankToNull(this.page));
			return Math.min(Math.max(number, 1), MAX_PAGE);
		}
		catch (NumberFormatException | NullPointerException ex) {
			return 1;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static <E extends Enum<E>> @Nullable E parse(Class<E> type, String value) {
		String name = blankToNull(value);
		if (name == null) {
			return null;
		}
		try {
			return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public String getQ() {
		return this.q;
	}

	public void setQ(String q) {
		this.q = q;
	}

	public String getInstitution() {
		return this.institution;
	}

	public void setInstitution(String institution) {
		this.institution = institution;
	}

	public String getLevel() {
		return this.level;
	}

	public void setLevel(String level) {
		this.level = level;
	}

	public String getMode() {
		return this.mode;
	}

	public void setMode(String mode) {
		this.mode = mode;
	}

	public String getPace() {
		return this.pace;
	}

	public void setPace(String pace) {
		this.pace = pace;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public String getDuration() {
		return this.duration;
	}

	public void setDuration(String duration) {
		this.duration = duration;
	}

	public String getTopic() {
		return this.topic;
	}

	public void setTopic(String topic) {
		this.topic = topic;
	}

	public String getOpen() {
		return this.open;
	}

	public void setOpen(String open) {
		this.open = open;
	}

	public String getMaxTuition() {
		return this.maxTuition;
	}

	public void setMaxTuition(String maxTuition) {
		this.maxTuition = maxTuition;
	}

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getStart() {
		return this.start;
	}

	public void setStart(String start) {
		this.start = start;
	}

	public String getPage() {
		return this.page;
	}

	public void setPage(String page) {
		this.page = page;
	}

}
