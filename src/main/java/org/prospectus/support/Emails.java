package org.prospectus.support;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The one spelling of an e-mail address that accounts are stored, found and throttled
 * under, so that no other spelling of the same address can reach an account while
 * escaping its count of failed sign-ins.
 */
public final class Emails {

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

	private Emails() {
	}

	/**
	 * Whether what was typed has the shape of an address (a name, an at sign, a domain
	 * with a dot): enough to catch a slip, which only sending can prove.
	 */
	public static boolean isAddress(String typed) {
		return ADDRESS.matcher(typed).matches();
	}

	/**
	 * The address in compatibility form (NFKC: full-width letters become plain ones),
	 * without any space, line break or invisible format character around it, in lower
	 * case; empty for none.
	 */
	public static String canonical(@Nullable String typed) {
		if (typed == null) {
			return "";
		}
		String text = Normalizer.normalize(typed, Normalizer.Form.NFKC);
		int start = 0;
		int end = text.length();
		while (start < end && isPadding(text.charAt(start))) {
			start++;
		}
		while (end > start && isPadding(text.charAt(end - 1))) {
			end--;
		}
		return text.substring(start, end).toLowerCase(Locale.ROOT);
	}

	private static boolean isPadding(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
				|| Character.getType(c) == Character.FORMAT;
	}

}
