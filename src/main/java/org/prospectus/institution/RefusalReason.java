package org.prospectus.institution;

import org.springframework.modulith.NamedInterface;

/**
 * One of an institution's refusal reasons, with what the applicant can do next. Kept as
 * one line, "reason | what to do next"; the advice may be empty.
 *
 * @param reason why the applicant is not offered a place
 * @param advice what they can do next
 */
@NamedInterface("api")
public record RefusalReason(String reason, String advice) {

	/** Reads a line as the institution's form keeps it. */
	public static RefusalReason parse(String line) {
		int bar = line.indexOf('|');
		if (bar < 0) {
			return new RefusalReason(line.strip(), "");
		}
		return new RefusalReason(line.substring(0, bar).strip(), line.substring(bar + 1).strip());
	}

}
