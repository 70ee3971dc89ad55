package org.prospectus.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void refusesFewerThanTwelveCharacters() {
		assertThat(this.policy.check("k7#Qz!wP2$x", "a@b.example")).contains("password.too-short");
	}

	@Test
	void countsCharactersNotBytes() {
		// 12 characters, more bytes: long enough.
		assertThat(this.policy.check("ørken-Ålgår-skärgård", "a@b.example")).isEmpty();
		assertThat(this.policy.check("ørkenÅlgår", "a@b.example")).contains("password.too-short");
	}

	@Test
	void acceptsUpTo128CharactersAndRefusesMore() {
		String base = "correct horse battery staple rides the tram to Södermalm ";
		String exactly128 = (base + base + base).substring(0, 128);
		assertThat(this.policy.check(exactly128, "a@b.example")).isEmpty();
		assertThat(this.policy.check(exactly128 + "x", "a@b.example")).contains("password.too-long");
	}

	@ParameterizedTest
	@ValueSource(strings = { "passwordpassword", "123456789012", "qwertyuiopasdf", "iloveyou12345", "Password1234",
			"admissions2026", "prospectus123", "aaaaaaaaaaaaaaaa" })
	void refusesCommonAndEasilyGuessedPasswords(String password) {
		assertThat(this.policy.check(password, "someone@university.example")).contains("password.too-common");
	}

	@Test
	void refusesAPasswordMadeOfTheEmailAddress() {
		assertThat(this.policy.check("Ingrid-Bergman-2024!", "ingrid.bergman@kth.example"))
			.contains("password.contains-email");
	}

	@Test
	void acceptsAPassphraseWithoutCompositionRules() {
		assertThat(this.policy.check("lantern marmalade orbit cello", "a@b.example")).isEmpty();
	}

	@Test
	void refusesNothingAtAll() {
		assertThat(this.policy.check("", "a@b.example")).contains("password.required");
		assertThat(this.policy.check(null, "a@b.example")).contains("password.required");
	}

}
