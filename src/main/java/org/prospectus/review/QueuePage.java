package org.prospectus.review;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A page of the queue.
 *
 * @param next where the next page starts, or {@code null} on the last page
 * @param count how many applications the view has, up to {@link ReviewQueue#COUNT_CAP}
 * @param more whether it has more than that
 */
public record QueuePage(List<QueueRow> rows, @Nullable QueueCursor next, int count, boolean more) {

}
