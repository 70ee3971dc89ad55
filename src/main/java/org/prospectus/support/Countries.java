package org.prospectus.support;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The countries an applicant can name, by their English names. The list never changes.
 */
public final class Countries {

	/** Every country as code and name, by name. */
	public static final List<String[]> ALL = FieldChecks.COUNTRIES.stream()
		.map((code) -> new String[] { code,
				new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH) })
		.sorted(Comparator.comparing((String[] pair) -> pair[1]))
		.toList();

	/** Country names by code. */
	public static final Map<String, String> NAMES = ALL.stream()
		.collect(Collectors.toUnmodifiableMap((pair) -> pair[0], (pair) -> pair[1]));

	private Countries() {
	}

}
