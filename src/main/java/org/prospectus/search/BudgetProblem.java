package org.prospectus.search;

/**
 * Why a budget typed on the search page cannot be used. The search then runs without it
 * and says so beside the field, rather than ignoring it without a word.
 */
public enum BudgetProblem {

	/** The amount is not a number the search can read. */
	AMOUNT("maxTuition"),
	/** An amount came without a currency, or with one that does not exist. */
	CURRENCY("currency");

	private final String field;

	BudgetProblem(String field) {
		this.field = field;
	}

	/** The name and id of the field at fault. */
	public String getField() {
		return this.field;
	}

	public String getMessageKey() {
		return "search.budget.error." + name();
	}

}
