package org.prospectus.course;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The terms an editor can choose from: some years back and ahead of today, so a term is
 * chosen rather than typed in some spelling.
 */
final class TermChoices {

	static final int YEARS_BACK = 8;

	static final int YEARS_AHEAD = 5;

	private TermChoices() {
	}

	/**
	 * Every term from {@link #YEARS_BACK} years ago to {@link #YEARS_AHEAD} ahead, and
	 * the terms a record already names, however old, so that saving it keeps them.
	 */
	static List<Term> around(LocalDate today, Collection<Term> named) {
		SortedSet<Term> terms = new TreeSet<>();
		for (int year = today.getYear() - YEARS_BACK; year <= today.getYear() + YEARS_AHEAD; year++) {
			for (Season season : Season.values()) {
				terms.add(Term.of(year, season));
			}
		}
		named.stream().filter(Objects::nonNull).forEach(terms::add);
		return new ArrayList<>(terms);
	}

}
