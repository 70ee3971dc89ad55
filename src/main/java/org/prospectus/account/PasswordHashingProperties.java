package org.prospectus.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How passwords are hashed, {@code prospectus.passwords.*} (ADR 0028).
 *
 * @param threads how many hashes run at once; 0 for one per available processor
 * @param queueCapacity how many more hashes may wait for a thread; a sign-in beyond that
 * is asked to try again
 * @param maxWait how long a sign-in waits for its turn and its answer before it is asked
 * to try again
 * @param nativeLibrary whether to hash with the bundled libargon2 where it loads (Bouncy
 * Castle otherwise, which writes the same hashes at about twice the CPU)
 */
@ConfigurationProperties("prospectus.passwords")
record PasswordHashingProperties(@DefaultValue("0") int threads, @DefaultValue("1000") int queueCapacity,
		@DefaultValue("30s") Duration maxWait, @DefaultValue("true") boolean nativeLibrary) {

	PasswordHashingProperties {
		if (threads < 0) {
			throw new IllegalArgumentException("prospectus.passwords.threads must be 0 (one per processor) or more");
		}
		if (queueCapacity < 1) {
			throw new IllegalArgumentException("prospectus.passwords.queue-capacity must be at least 1");
		}
		if (maxWait.isNegative() || maxWait.isZero()) {
			throw new IllegalArgumentException("prospectus.passwords.max-wait must be positive");
		}
	}

	int poolSize() {
		return (this.threads > 0) ? this.threads : Runtime.getRuntime().availableProcessors();
	}

}
