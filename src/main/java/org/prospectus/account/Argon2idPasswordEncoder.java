package org.prospectus.account;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;

/**
 * Argon2id at OWASP's minimum (19 MiB, 2 iterations, 1 lane), computed by the reference C
 * library (libargon2, bundled for the usual platforms) where it loads, else by Bouncy
 * Castle. Both write and read the same PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so hashes move freely between
 * instances that use one or the other (ADR 0028).
 */
class Argon2idPasswordEncoder extends AbstractValidatingPasswordEncoder {

	static final int SALT_LENGTH = 16;

	static final int HASH_LENGTH = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	private static final Log logger = LogFactory.getLog(Argon2idPasswordEncoder.class);

	private static final String ARGON2ID = "$argon2id$";

	private final Argon2PasswordEncoder bouncyCastle = new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	private final @Nullable Argon2 nativeLibrary;

	/**
	 * @param preferNativeLibrary whether to use libargon2 when it loads
	 */
	Argon2idPasswordEncoder(boolean preferNativeLibrary) {
		this.nativeLibrary = preferNativeLibrary ? loadNativeLibrary(this.bouncyCastle) : null;
	}

	boolean usesNativeLibrary() {
		return this.nativeLibrary != null;
	}

	@Override
	protected String encodeNonNullPassword(String rawPassword) {
		if (this.nativeLibrary == null) {
			return this.bouncyCastle.encode(rawPassword);
		}
		char[] password = rawPassword.toCharArray();
		try {
			return this.nativeLibrary.hash(ITERATIONS, MEMORY_KIB, PARALLELISM, password);
		}
		finally {
			this.nativeLibrary.wipeArray(password);
		}
	}

	@Override
	protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
		// Bouncy Castle reads every variant and answers "no match" for a malformed hash;
		// the native library is asked only what it reads best.
		if (this.nativeLibrary == null || !encodedPassword.startsWith(ARGON2ID)) {
			return this.bouncyCastle.matches(rawPassword, encodedPassword);
		}
		char[] password = rawPassword.toCharArray();
		try {
			return this.nativeLibrary.verify(encodedPassword, password);
		}
		catch (RuntimeException ex) {
			return false;
		}
		finally {
			this.nativeLibrary.wipeArray(password);
		}
	}

	/** Whether a hash is weaker in memory or iterations than those written now. */
	@Override
	protected boolean upgradeEncodingNonNull(String encodedPassword) {
		try {
			return this.bouncyCastle.upgradeEncoding(encodedPassword);
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * The native library when it loads and agrees with Bouncy Castle on a cheap hash;
	 * otherwise none, said once in the log.
	 */
	private static @Nullable Argon2 loadNativeLibrary(Argon2PasswordEncoder bouncyCastle) {
		try {
			Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_LENGTH, HASH_LENGTH);
			String probe = argon2.hash(1, 64, 1, "probe".toCharArray());
			if (bouncyCastle.matches("probe", probe)) {
				return argon2;
			}
			logger.warn("The native Argon2 library disagrees with Bouncy Castle; hashing with Bouncy Castle");
		}
		catch (LinkageError | RuntimeException ex) {
			logger.warn("The native Argon2 library did not load (" + ex + "); hashing with Bouncy Castle, "
					+ "at about twice the CPU per sign-in");
		}
		return null;
	}

}
