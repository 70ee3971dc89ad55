package org.prospectus.reading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

import org.springframework.validation.Errors;

/**
 * A review plan as typed: the reads each application needs, whether they are blind, the
 * difference that calls for one more read, and the rubric's criteria, one row each; a
 * blank row is no criterion.
 */
public class PlanForm {

	/** The rows the form offers: the criteria so far and blank ones up to this many. */
	static final int ROWS = 6;

	static final int NAME_LENGTH = 120;

	/** The most criteria a rubric has. */
	static final int MAX_CRITERIA = 10;

	private static final Pattern POINTS = Pattern.compile("\\d{1,2}([.,]\\d{1,2})?");

	private long version;

	private @Nullable String reads;

	private boolean blind;

	private @Nullable String disagreement;

	private List<Row> criteria = new ArrayList<>();

	/** The form filled from a plan, with blank rows to add criteria. */
	static PlanForm of(ReviewPlan plan) {
		PlanForm form = new PlanForm();
		form.version = plan.getVersion();
		form.reads = String.valueOf(plan.getReads());
		form.blind = plan.isBlind();
		form.disagreement = plan.getDisagreement().stripTrailingZeros().toPlainString();
		for (ReviewCriterion criterion : plan.getCriteria()) {
			Row row = new Row();
			row.name = criterion.getName();
			row.scale = String.valueOf(criterion.getScale());
			row.weight = String.valueOf(criterion.getWeight());
			form.criteria.add(row);
		}
		form.fill();
		return form;
	}

	/**
	 * Adds blank rows up to {@link #ROWS}, and one more while the rubric has room, so
	 * that the page always offers a row to add a criterion in.
	 */
	void fill() {
		while (this.criteria.size() < ROWS) {
			this.criteria.add(new Row());
		}
		boolean blank = this.criteria.stream().anyMatch((row) -> row == null || row.isBlank());
		if (!blank && this.criteria.size() < MAX_CRITERIA) {
			this.criteria.add(new Row());
		}
	}

	/**
	 * The plan as checked, each reason beside its field.
	 * @return the plan, or {@code null} when a field was refused
	 */
	@Nullable Checked check(Errors errors) {
		FieldChecks check = new FieldChecks(errors);
		Integer readCount = check.whole("reads", this.reads, 1, 3, true);
		BigDecimal threshold = null;
		if (FieldChecks.blank(this.disagreement)) {
			errors.rejectValue("disagreement", "check.required");
		}
		else {
			String typed = this.disagreement.strip();
			if (!POINTS.matcher(typed).matches()) {
				errors.rejectValue("disagreement", "reading.plan.disagreement.invalid");
			}
			else {
				threshold = new BigDecimal(typed.replace(',', '.'));
				if (threshold.signum() <= 0 || threshold.compareTo(BigDecimal.TEN) > 0) {
					errors.rejectValue("disagreement", "reading.plan.disagreement.invalid");
					threshold = null;
				}
			}
		}
		List<Line> lines = new ArrayList<>();
		List<String> names = new ArrayList<>();
		for (int i = 0; i < this.criteria.size(); i++) {
			Row row = this.criteria.get(i);
			if (row == null || row.isBlank()) {
				continue;
			}
			String prefix = "criteria[" + i + "].";
			String name = check.text(prefix + "name", row.name, true, NAME_LENGTH);
			if (name != null && names.contains(name.toLowerCase(Locale.ROOT))) {
				errors.rejectValue(prefix + "name", "reading.plan.criterion.twice");
				name = null;
			}
			Integer scale = check.whole(prefix + "scale", row.scale, 2, 10, true);
			Integer weight = check.whole(prefix + "weight", row.weight, 1, 10, true);
			if (name != null) {
				names.add(name.toLowerCase(Locale.ROOT));
			}
			if (name != null && scale != null && weight != null) {
				lines.add(new Line(name, scale, weight));
			}
		}
		if (lines.size() > MAX_CRITERIA) {
			errors.rejectValue("criteria[0].name", "reading.plan.criteria.too-many", new Object[] { MAX_CRITERIA },
					null);
		}
		if (names.isEmpty() && !errors.hasFieldErrors("criteria*")) {
			errors.rejectValue("criteria[0].name", "reading.plan.criteria.none");
		}
		if (errors.hasErrors() || readCount == null || threshold == null) {
			return null;
		}
		return new Checked(readCount, this.blind, threshold, List.copyOf(lines));
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public @Nullable String getReads() {
		return this.reads;
	}

	public void setReads(@Nullable String reads) {
		this.reads = reads;
	}

	public boolean isBlind() {
		return this.blind;
	}

	public void setBlind(boolean blind) {
		this.blind = blind;
	}

	public @Nullable String getDisagreement() {
		return this.disagreement;
	}

	public void setDisagreement(@Nullable String disagreement) {
		this.disagreement = disagreement;
	}

	public List<Row> getCriteria() {
		return this.criteria;
	}

	public void setCriteria(List<Row> criteria) {
		this.criteria = criteria;
	}

	/** A plan as checked. */
	record Checked(int reads, boolean blind, BigDecimal disagreement, List<Line> criteria) {
	}

	/** A criterion as checked. */
	record Line(String name, int scale, int weight) {
	}

	/** A criterion as typed. */
	public static class Row {

		private @Nullable String name;

		private @Nullable String scale;

		private @Nullable String weight;

		boolean isBlank() {
			return FieldChecks.blank(this.name) && FieldChecks.blank(this.scale) && FieldChecks.blank(this.weight);
		}

		public @Nullable String getName() {
			return this.name;
		}

		public void setName(@Nullable String name) {
			this.name = name;
		}

		public @Nullable String getScale() {
			return this.scale;
		}

		public void setScale(@Nullable String scale) {
			this.scale = scale;
		}

		public @Nullable String getWeight() {
			return this.weight;
		}

		public void setWeight(@Nullable String weight) {
			this.weight = weight;
		}

	}

}
