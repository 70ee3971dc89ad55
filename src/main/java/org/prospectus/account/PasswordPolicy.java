package org.prospectus.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The rules a new password must meet: at least 12 characters, at most 128, and not a
 * common or easily guessed password. No composition rules (digits, symbols): length and
 * unguessability are what protect an account. Nothing is truncated; the whole password is
 * hashed with Argon2id.
 * <p>
 * Guessability comes from zxcvbn, which bundles a list of 30,000 common passwords and
 * dictionaries of names and words, and takes context words (the portal's name, the
 * person's e-mail) that must not carry a password.
 */
@Component
@NamedInterface("api")
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	/**
	 * zxcvbn's score 3: more than 10^8 guesses, "safely unguessable" for online attacks.
	 */
	static final int MIN_SCORE = 3;

	static final List<String> CONTEXT_WORDS = List.of("prospectus", "admissions", "admission", "university", "college",
			"student", "staff", "portal", "application");

	private final Zxcvbn zxcvbn = new Zxcvbn();

	/**
	 * Checks a new password.
	 * @param password the password as typed
	 * @param email the account's e-mail, whose parts must not make up the password
	 * @return the message key of the first rule broken, or empty when the password is
	 * fine
	 */
	public Optional<String> check(String password, String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of("password.required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("password.too-short");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.too-long");
		}
		if (containsEmailName(password, email)) {
			return Optional.of("password.contains-email");
		}
		Strength strength = this.zxcvbn.measure(password, contextWords(email));
		if (strength.getScore() < MIN_SCORE) {
			return Optional.of("password.too-common");
		}
		return Optional.empty();
	}

	/**
	 * Whether the letters of the e-mail's name part (before the @) appear in the
	 * password.
	 */
	static boolean containsEmailName(String password, String email) {
		if (email == null || !email.contains("@")) {
			return false;
		}
		String name = lettersOf(email.substring(0, email.indexOf('@')));
		return name.length() >= 4 && lettersOf(password).contains(name);
	}

	private static String lettersOf(String text) {
		StringBuilder letters = new StringBuilder();
		text.toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetter).forEach(letters::appendCodePoint);
		return letters.toString();
	}

	private static List<String> contextWords(String email) {
		if (email == null || email.isBlank()) {
			return CONTEXT_WORDS;
		}
		List<String> words = new ArrayList<>(CONTEXT_WORDS);
		for (String part : email.toLowerCase(Locale.ROOT).split("[@._+-]")) {
			if (part.length() >= 3) {
				words.add(part);
			}
		}
		return words;
	}

}
