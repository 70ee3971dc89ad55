package org.prospectus.support;

import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures, and their comparison in constant time: for anything the portal
 * signs or checks a signature of (a payment provider's webhook, the waiting room's
 * tickets).
 */
public final class Hmac {

	private Hmac() {
	}

	/** The HMAC-SHA256 of the data under the key. */
	public static byte[] sha256(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is part of every JDK", ex);
		}
	}

	/**
	 * Compares in time that does not depend on where the bytes differ, so that timing
	 * tells nothing of the expected signature; only its fixed length is public.
	 */
	public static boolean sameBytes(byte[] expected, byte[] given) {
		int difference = expected.length ^ given.length;
		for (int i = 0; i < expected.length; i++) {
			difference |= expected[i] ^ ((i < given.length) ? given[i] : 0);
		}
		return difference == 0;
	}

}
