package org.prospectus.support;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The countries an applicant can name, by their English names. The list never changes.
 */
public final class Countries {

	/**
	 * English names in a dictionary's order: Côte d'Ivoire among the Cs, Åland Islands
	 * among the As, where a sort by character code puts accented letters after Z.
	 */
	public static final Comparator<String> ORDER = Collator.getInstance(Locale.ENGLISH)::compare;

	/** Every country as code and name, by name. */
	public static final List<String[]> ALL = FieldChecks.COUNTRIES.stream()
		.map((code) -> new String[] { code,
				new Locale.Builder().setRegion(code).build().getDisplayCountry(Locale.ENGLISH) })
		.sorted(Comparator.comparing((String[] pair) -> pair[1], ORDER))
		.toList();

	/**
	 * Places with no permanent population, whose citizenship nobody holds: Antarctica,
	 * Bouvet Island, South Georgia and the South Sandwich Islands, Heard and McDonald
	 * Islands, the British Indian Ocean Territory, the French Southern Territories and
	 * the US Minor Outlying Islands. An address or a school may still be there.
	 */
	public static final Set<String> NO_CITIZENSHIP = Set.of("AQ", "BV", "GS", "HM", "IO", "TF", "UM");

	/** The countries one can be a citizen of, as code and name, by name. */
	public static final List<String[]> CITIZENSHIPS = ALL.stream()
		.filter((pair) -> !NO_CITIZENSHIP.contains(pair[0]))
		.toList();

	/** Country names by code. */
	public static final Map<String, String> NAMES = ALL.stream()
		.collect(Collectors.toUnmodifiableMap((pair) -> pair[0], (pair) -> pair[1]));

	private Countries() {
	}

}
