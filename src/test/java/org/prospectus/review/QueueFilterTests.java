package org.prospectus.review;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.prospectus.applications.ApplicationStatus;

import static org.assertj.core.api.Assertions.assertThat;

class QueueFilterTests {

	@Test
	void aViewSurvivesTheTripThroughItsAddress() {
		QueueFilter filter = QueueFilter.fromQuery(
				"round=3&programme=7&choice=any&status=under_review&fee=PAID&citizenship=se&missing=&from=2026-11-01"
						+ "&to=2026-11-30&q=Ada%20L%26o&sort=name");
		assertThat(filter.round()).isEqualTo(3L);
		assertThat(filter.anyChoice()).isTrue();
		assertThat(filter.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
		assertThat(filter.citizenship()).isEqualTo("SE");
		assertThat(filter.missingDocuments()).isTrue();
		assertThat(filter.text()).isEqualTo("ada l&o");
		assertThat(filter.sort()).isEqualTo(QueueSort.NAME);
		assertThat(QueueFilter.fromQuery(filter.toQuery())).isEqualTo(filter);
		assertThat(QueueFilter.none().toQuery()).isEmpty();
	}

	@Test
	void valuesThatDoNotParseAreLeftOut() {
		QueueFilter filter = QueueFilter
			.fromQuery("round=-1&programme=x&status=DRAFT&fee=free&citizenship=SWE&from=1.1.2026&sort=random");
		assertThat(filter).isEqualTo(QueueFilter.none());
		assertThat(filter.isFiltered()).isFalse();
	}

	@Test
	void aCursorIsReadOnlyForItsOwnSort() {
		QueueCursor cursor = new QueueCursor(QueueSort.SUBMITTED, "2026-11-01T10:00:00.123456Z", UUID.randomUUID());
		assertThat(QueueCursor.decode(cursor.encode(), QueueSort.SUBMITTED)).contains(cursor);
		assertThat(QueueCursor.decode(cursor.encode(), QueueSort.NEWEST)).isEmpty();
		String badInstant = Base64.getUrlEncoder()
			.encodeToString(("SUBMITTED\nyesterday\n" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
		assertThat(QueueCursor.decode(badInstant, QueueSort.SUBMITTED)).isEmpty();
		assertThat(QueueCursor.decode("!!!", QueueSort.SUBMITTED)).isEmpty();
		assertThat(QueueCursor.decode(null, QueueSort.SUBMITTED)).isEmpty();
		QueueCursor name = new QueueCursor(QueueSort.NAME, "o'brien, \"x\"\u00e5", UUID.randomUUID());
		assertThat(QueueCursor.decode(name.encode(), QueueSort.NAME)).contains(name);
	}

}
