package org.prospectus.reading;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.prospectus.support.FieldChecks;

import org.springframework.validation.Errors;

/**
 * A read as the reader types it: a score for each criterion by its id, and a comment. A
 * draft keeps what is typed; a submitted read needs every score.
 */
public class ReadForm {

	static final int COMMENT_LENGTH = 4000;

	private long version;

	private Map<String, String> scores = new LinkedHashMap<>();

	private @Nullable String comment;

	static ReadForm of(ApplicationRead read) {
		ReadForm form = new ReadForm();
		form.version = read.getVersion();
		read.getScores().forEach((criterion, score) -> form.scores.put(criterion, String.valueOf(score)));
		form.comment = read.getComment();
		return form;
	}

	/**
	 * The scores typed, each checked against its criterion's scale, reasons beside the
	 * fields.
	 * @param complete whether every criterion needs a score (to submit)
	 */
	Map<String, Integer> check(ReviewPlan plan, boolean complete, Errors errors) {
		FieldChecks check = new FieldChecks(errors);
		Map<String, Integer> checked = new LinkedHashMap<>();
		for (ReviewCriterion criterion : plan.getCriteria()) {
			String key = String.valueOf(criterion.getId());
			String typed = this.scores.get(key);
			if (FieldChecks.blank(typed) && complete) {
				errors.rejectValue("scores[" + key + "]", "reading.read.score.required");
				continue;
			}
			Integer score = check.whole("scores[" + key + "]", typed, 1, criterion.getScale(), false);
			if (score != null) {
				checked.put(key, score);
			}
		}
		check.text("comment", this.comment, false, COMMENT_LENGTH);
		return checked;
	}

	@Nullable String typedComment() {
		return FieldChecks.blank(this.comment) ? null : FieldChecks.typedText(this.comment);
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public Map<String, String> getScores() {
		return this.scores;
	}

	public void setScores(Map<String, String> scores) {
		this.scores = scores;
	}

	public @Nullable String getComment() {
		return this.comment;
	}

	public void setComment(@Nullable String comment) {
		this.comment = comment;
	}

}
