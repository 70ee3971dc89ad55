package org.prospectus.intake;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashSet;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.modulith.NamedInterface;

/**
 * When public pages change by themselves, with nobody publishing: at every milestone of
 * every round (a round opens, its deadline passes, results come out, replies are due),
 * and at midnight in every zone a page counts days in ("closes in 3 days", a course's
 * current offering). A page rendered at one instant is the page of any later instant up
 * to the next of these, which is what lets the page cache keep it (ADR 0023).
 */
@NamedInterface("api")
public final class RoundTimeline {

	private RoundTimeline() {
	}

	/**
	 * The timeline as the catalogue now stands, with the zone of the portal's clock added
	 * to the institutions' zones. It is read on the connection given, so that the one who
	 * listens for catalogue changes reads it on the connection it listens on.
	 */
	public static Timeline load(Connection connection, ZoneId clockZone) throws SQLException {
		NavigableSet<Instant> changes = new TreeSet<>();
		Set<ZoneId> zones = new HashSet<>();
		zones.add(clockZone);
		try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
				select r.opens_at, r.deadline_at, r.documents_deadline_at, r.fee_deadline_at,
				r.notification_at, r.studies_start_at, r.reply_by_at, i.time_zone
				from application_round r join institution_zones_for_intake i on i.id = r.institution_id""")) {
			while (rs.next()) {
				for (int column = 1; column <= 7; column++) {
					Timestamp at = rs.getTimestamp(column);
					if (at != null) {
						// A page differs from a milestone's instant on (an opening) or
						// from
						// just after it (a deadline is open to its last second): both
						// ends.
						changes.add(at.toInstant());
						changes.add(at.toInstant().plusNanos(1));
					}
				}
				zones.add(ZoneId.of(rs.getString(8)));
			}
		}
		return new Timeline(Collections.unmodifiableNavigableSet(changes), Set.copyOf(zones));
	}

	/**
	 * The instants at which pages may change by themselves.
	 *
	 * @param changes every milestone instant, and the nanosecond after it
	 * @param zones the zones whose midnights change pages
	 */
	public record Timeline(NavigableSet<Instant> changes, Set<ZoneId> zones) {

		/**
		 * The first instant after {@code at} at which a page may differ from
		 * {@code at}'s.
		 */
		public Instant nextChangeAfter(Instant at) {
			Instant next = this.changes.higher(at);
			for (ZoneId zone : this.zones) {
				Instant midnight = LocalDate.ofInstant(at, zone).plusDays(1).atStartOfDay(zone).toInstant();
				if (next == null || midnight.isBefore(next)) {
					next = midnight;
				}
			}
			return (next != null) ? next : Instant.MAX;
		}

		/**
		 * The last instant at or before {@code at} at which pages may have changed: pages
		 * rendered at any two instants with the same last change are the same.
		 */
		public Instant lastChangeAtOrBefore(Instant at) {
			Instant last = this.changes.floor(at);
			for (ZoneId zone : this.zones) {
				Instant midnight = LocalDate.ofInstant(at, zone).atStartOfDay(zone).toInstant();
				if (last == null || midnight.isAfter(last)) {
					last = midnight;
				}
			}
			return (last != null) ? last : Instant.EPOCH;
		}

	}

}
