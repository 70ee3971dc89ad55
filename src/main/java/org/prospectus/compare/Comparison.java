package org.prospectus.compare;

import java.util.List;
import java.util.Set;

import org.prospectus.programme.Programme;

/**
 * What the comparison page shows.
 *
 * @param columns the compared programmes, in the order they were picked, at most
 * {@link Shortlist#LIMIT}
 * @param overLimit published programmes that were picked after the limit was reached
 * @param notFound picked slugs that name no published programme, as given
 * @param kept the shortlist without the slugs not found: what links carry on
 * @param differing the rows whose values are not the same in every column
 * @param sharedTopics topics every compared programme has, when there are two or more
 */
public record Comparison(List<Column> columns, List<Programme> overLimit, List<String> notFound, Shortlist kept,
		Set<Row> differing, Set<String> sharedTopics) {

	public boolean isEmpty() {
		return this.columns.isEmpty();
	}

	/** Whether the row's values differ between the programmes, by the row's name. */
	public boolean differs(String row) {
		return this.differing.contains(Row.valueOf(row));
	}

	public boolean isShared(String topic) {
		return this.sharedTopics.contains(topic);
	}

	public boolean isFull() {
		return this.columns.size() >= Shortlist.LIMIT;
	}

}
