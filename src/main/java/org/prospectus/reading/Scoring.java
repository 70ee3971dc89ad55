package org.prospectus.reading;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The arithmetic of scores, out of 10. A read's total is the weighted mean of its
 * criteria, each taken as a share of its own scale, so that a 4 of 5 and an 8 of 10 count
 * alike. An application's score is the mean of its submitted reads' totals; two reads
 * disagree when their totals differ by more than the plan's threshold.
 */
final class Scoring {

	private static final BigDecimal TEN = BigDecimal.TEN;

	private Scoring() {
	}

	/**
	 * A read's total from its scores by criterion id, every criterion scored.
	 */
	static BigDecimal total(List<ReviewCriterion> criteria, Map<String, Integer> scores) {
		BigDecimal sum = BigDecimal.ZERO;
		int weights = 0;
		for (ReviewCriterion criterion : criteria) {
			int score = scores.get(String.valueOf(criterion.getId()));
			sum = sum.add(TEN.multiply(BigDecimal.valueOf((long) score * criterion.getWeight()))
				.divide(BigDecimal.valueOf(criterion.getScale()), 10, RoundingMode.HALF_UP));
			weights += criterion.getWeight();
		}
		return sum.divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
	}

	/** The mean of the totals, or {@code null} for none. */
	static @Nullable BigDecimal mean(Collection<BigDecimal> totals) {
		if (totals.isEmpty()) {
			return null;
		}
		BigDecimal sum = totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return sum.divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
	}

	/** Whether two of the totals differ by more than the threshold. */
	static boolean disagree(Collection<BigDecimal> totals, BigDecimal threshold) {
		if (totals.size() < 2) {
			return false;
		}
		BigDecimal max = totals.stream().max(BigDecimal::compareTo).orElseThrow();
		BigDecimal min = totals.stream().min(BigDecimal::compareTo).orElseThrow();
		return max.subtract(min).compareTo(threshold) > 0;
	}

}
