package org.prospectus.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

import org.springframework.modulith.NamedInterface;

/**
 * One field's value before and after a change, as people read it (dates in the
 * institution's zone, amounts with their currency).
 *
 * @param field the field's message key
 * @param before the value before, or {@code null} when there was none
 * @param after the value after, or {@code null} when there is none
 */
@NamedInterface("api")
public record FieldChange(String field, @Nullable String before, @Nullable String after) {

	/**
	 * The fields whose values differ between two descriptions of a record (field label
	 * key to value as people read it), in the order of {@code after}.
	 */
	public static List<FieldChange> between(Map<String, String> before, Map<String, String> after) {
		Diff diff = new Diff();
		after.forEach((field, value) -> diff.field(field, before.get(field), value));
		return diff.changes();
	}

	/** Collects the fields whose values differ. */
	@NamedInterface("api")
	public static final class Diff {

		private final List<FieldChange> changes = new ArrayList<>();

		public Diff field(String field, Object before, Object after) {
			String was = normalised(before);
			String is = normalised(after);
			if (!Objects.equals(was, is)) {
				this.changes.add(new FieldChange(field, was, is));
			}
			return this;
		}

		/**
		 * The value as it reads: a browser sends a text area's line breaks as CR LF, and
		 * surrounding spaces or an empty value say nothing, so neither is a change.
		 */
		private static @Nullable String normalised(@Nullable Object value) {
			if (value == null) {
				return null;
			}
			String text = FieldChecks.typedText(value.toString());
			return text.isEmpty() ? null : text;
		}

		public List<FieldChange> changes() {
			return List.copyOf(this.changes);
		}

		public boolean isEmpty() {
			return this.changes.isEmpty();
		}

	}

}
