package org.prospectus.references;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.Emails;
import org.prospectus.support.FieldChecks;

import org.springframework.validation.Errors;

/**
 * The referees an applicant names, one row a reference the round asks for, as typed.
 */
public class RefereesForm {

	private List<Row> referees = new ArrayList<>();

	/** The form filled with the referees named so far, a row for each one asked for. */
	static RefereesForm of(References.RefereesPage page) {
		RefereesForm form = new RefereesForm();
		for (int position : page.positions()) {
			ReferenceRequest request = page.at(position);
			Row row = new Row();
			if (request != null) {
				row.name = request.getRefereeName();
				row.email = request.getRefereeEmail();
				row.relationship = request.getRelationship().name();
				row.knownFor = request.getKnownFor();
			}
			form.referees.add(row);
		}
		return form;
	}

	/**
	 * Each row checked, its reasons beside its fields: a blank row names no one; a row of
	 * a referee who has answered is left as it is.
	 * @param required how many references the round asks for
	 * @param answered whether the referee in a position (from 1) has answered
	 * @return a referee, or null, for each position asked for
	 */
	List<@Nullable Referee> check(Errors errors, int required, IntPredicate answered) {
		FieldChecks check = new FieldChecks(errors);
		List<@Nullable Referee> checked = new ArrayList<>();
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < required; i++) {
			Row row = (i < this.referees.size() && this.referees.get(i) != null) ? this.referees.get(i) : new Row();
			if (answered.test(i + 1) || row.isBlank()) {
				checked.add(null);
				continue;
			}
			String prefix = "referees[" + i + "].";
			String name = check.text(prefix + "name", row.name, true, 200);
			String email = check.text(prefix + "email", row.email, true, 254);
			if (email != null && !Emails.isAddress(email)) {
				errors.rejectValue(prefix + "email", "reference.referees.email.invalid");
				email = null;
			}
			else if (email != null && addresses.contains(Emails.canonical(email))) {
				errors.rejectValue(prefix + "email", "reference.referees.email.twice");
			}
			else if (email != null) {
				addresses.add(Emails.canonical(email));
			}
			Relationship relationship = check.choice(prefix + "relationship", row.relationship, Relationship.class,
					true);
			String knownFor = check.text(prefix + "knownFor", row.knownFor, true, 120);
			checked.add((name != null && email != null && relationship != null && knownFor != null)
					? new Referee(name, email, relationship, knownFor) : null);
		}
		return checked;
	}

	public List<Row> getReferees() {
		return this.referees;
	}

	public void setReferees(List<Row> referees) {
		this.referees = referees;
	}

	/** A referee as typed. */
	public static class Row {

		private @Nullable String name;

		private @Nullable String email;

		private @Nullable String relationship;

		private @Nullable String knownFor;

		boolean isBlank() {
			return FieldChecks.blank(this.name) && FieldChecks.blank(this.email) && FieldChecks.blank(this.knownFor);
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getEmail() {
			return this.email;
		}

		public void setEmail(@Nullable String email) {
			this.email = email;
		}

		public @Nullable String getRelationship() {
			return this.relationship;
		}

		public void setRelationship(@Nullable String relationship) {
			this.relationship = relationship;
		}

		public @Nullable String getKnownFor() {
			return this.knownFor;
		}

		public void setKnownFor(@Nullable String knownFor) {
			this.knownFor = knownFor;
		}

	}

}
