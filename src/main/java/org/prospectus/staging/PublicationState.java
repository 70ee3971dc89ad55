package org.prospectus.staging;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.modulith.NamedInterface;

/** Whether a catalogue entry is visible to the public. */
@NamedInterface("api")
public enum PublicationState {

	DRAFT, PUBLISHED, RETIRED;

	/**
	 * The state a list filter names, or {@code null} (any state) for none or an unknown
	 * one.
	 */
	public static @Nullable PublicationState parseOrNull(@Nullable String value) {
		try {
			return (value == null || value.isBlank()) ? null
					: PublicationState.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Message key of the value's label. */
	public String messageKey() {
		return "publication-state." + name();
	}

}
