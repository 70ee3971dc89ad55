package org.prospectus.account;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The native and the Bouncy Castle implementations write the same PHC strings, and each
 * reads the other's, so an instance where the native library cannot load still signs
 * everyone in.
 */
class Argon2idPasswordEncoderTests {

	static final String PASSWORD = "Grüße, Jürgen! ½ lantern 🔑 marmalade";

	final Argon2idPasswordEncoder nativeLibrary = new Argon2idPasswordEncoder(true);

	final Argon2idPasswordEncoder bouncyCastle = new Argon2idPasswordEncoder(false);

	@Test
	void loadsTheNativeLibraryBundledForThisPlatform() {
		assertThat(this.nativeLibrary.usesNativeLibrary()).isTrue();
		assertThat(this.bouncyCastle.usesNativeLibrary()).isFalse();
	}

	@Test
	void writesOwaspsMinimumForArgon2id() {
		assertThat(this.nativeLibrary.encode(PASSWORD))
			.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[^$]{22}\\$[^$]{43}");
		assertThat(this.bouncyCastle.encode(PASSWORD))
			.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[^$]{22}\\$[^$]{43}");
	}

	@Test
	void eachImplementationReadsTheOthersHashes() {
		String fromNative = this.nativeLibrary.encode(PASSWORD);
		String fromBouncyCastle = this.bouncyCastle.encode(PASSWORD);
		assertThat(this.bouncyCastle.matches(PASSWORD, fromNative)).isTrue();
		assertThat(this.nativeLibrary.matches(PASSWORD, fromBouncyCastle)).isTrue();
		assertThat(this.bouncyCastle.matches(PASSWORD + " ", fromNative)).isFalse();
		assertThat(this.nativeLibrary.matches(PASSWORD + " ", fromBouncyCastle)).isFalse();
	}

	@Test
	void readsHashesMadeWithTheOlderSettings() {
		String older = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
		assertThat(older).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
		for (Argon2idPasswordEncoder encoder : new Argon2idPasswordEncoder[] { this.nativeLibrary,
				this.bouncyCastle }) {
			assertThat(encoder.matches(PASSWORD, older)).isTrue();
			assertThat(encoder.matches("wrong", older)).isFalse();
			assertThat(encoder.upgradeEncoding(older)).isTrue();
			assertThat(encoder.upgradeEncoding(encoder.encode(PASSWORD))).isFalse();
		}
	}

	@Test
	void aMalformedHashMatchesNothing() {
		assertThat(this.nativeLibrary.matches("closed", "closed")).isFalse();
		assertThat(this.bouncyCastle.matches("closed", "closed")).isFalse();
		assertThat(this.nativeLibrary.matches("x", "$argon2id$v=19$m=19456,t=2,p=1$broken")).isFalse();
	}

}
