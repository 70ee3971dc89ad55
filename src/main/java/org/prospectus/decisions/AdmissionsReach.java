package org.prospectus.decisions;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.prospectus.applications.Application;
import org.prospectus.account.StaffRole;
import org.prospectus.account.StaffScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which applications an admissions officer reaches (ADR 0018). An officer sees an
 * application when their institution runs its round, or gives a programme the applicant
 * ranked: a joint round's partner sees the applications that chose its programmes. Only
 * the round's own institution, the coordinator, checks documents, asks for more and moves
 * an application as a whole; a partner decides offers and reserve places on its own
 * programmes.
 */
@Component
@NamedInterface("api")
public class AdmissionsReach {

	private final JdbcClient jdbc;

	AdmissionsReach(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The reach of whoever is signed in, with the rounds it takes in looked up once. */
	@Transactional(readOnly = true)
	public Reach current() {
		StaffScope scope = StaffScope.current();
		if (scope.isEverywhere(StaffRole.ADMISSIONS)) {
			return Reach.EVERYWHERE;
		}
		Set<Long> institutions = scope.institutions(StaffRole.ADMISSIONS);
		if (institutions.isEmpty()) {
			return Reach.NOWHERE;
		}
		List<Long> own = this.jdbc.sql("select id from intake_rounds_for_decisions where institution_id in (:reach)")
			.param("reach", institutions)
			.query(Long.class)
			.list();
		List<Long> partner = this.jdbc.sql("""
				select distinct rp.round_id from intake_round_programmes_for_decisions rp
				join programme_titles_for_decisions p on p.id = rp.programme_id
				join intake_rounds_for_decisions r on r.id = rp.round_id
				where p.institution_id in (:reach) and r.institution_id not in (:reach)""")
			.param("reach", institutions)
			.query(Long.class)
			.list();
		return new Reach(false, own, partner, institutions);
	}

	/**
	 * Whether the signed-in officer's institution gives the programme, and so may offer
	 * it or a reserve place on it.
	 */
	@Transactional(readOnly = true)
	public boolean offers(long programmeId) {
		Long institution = this.jdbc.sql("select institution_id from programme_titles_for_decisions where id = :id")
			.param("id", programmeId)
			.query(Long.class)
			.optional()
			.orElse(null);
		return StaffScope.current().covers(StaffRole.ADMISSIONS, institution);
	}

	/**
	 * Which of these programmes the signed-in officer's institutions give, and so may
	 * offer or hold a reserve place on: one statement for a whole list of choices.
	 */
	@Transactional(readOnly = true)
	public Set<Long> offeredAmong(Collection<Long> programmeIds) {
		StaffScope scope = StaffScope.current();
		if (programmeIds.isEmpty() || !scope.hasAnywhere(StaffRole.ADMISSIONS)) {
			return Set.of();
		}
		if (scope.isEverywhere(StaffRole.ADMISSIONS)) {
			return Set.copyOf(programmeIds);
		}
		return Set.copyOf(this.jdbc
			.sql("select id from programme_titles_for_decisions where id in (:ids) and institution_id in (:reach)")
			.param("ids", programmeIds)
			.param("reach", scope.institutions(StaffRole.ADMISSIONS))
			.query(Long.class)
			.list());
	}

	/** Whether the scope coordinates the application's round: its institution runs it. */
	public static boolean coordinates(StaffScope scope, Application application) {
		return scope.covers(StaffRole.ADMISSIONS, application.getRound().getInstitution().getId());
	}

	/**
	 * The rounds an officer takes in.
	 *
	 * @param everywhere every round of every institution
	 * @param coordinated the rounds their institutions run
	 * @param partner joint rounds of other institutions with their programmes in
	 * @param institutions their institutions
	 */
	public record Reach(boolean everywhere, List<Long> coordinated, List<Long> partner, Set<Long> institutions) {

		public static final Reach EVERYWHERE = new Reach(true, List.of(), List.of(), Set.of());

		public static final Reach NOWHERE = new Reach(false, List.of(), List.of(), Set.of());

		/**
		 * The applications it may read, as a condition on {@code application a}: by round
		 * alone, which the round index serves, unless it is a partner in a joint round.
		 */
		public String visible(Map<String, Object> params) {
			if (this.everywhere) {
				return "true";
			}
			String own = coordinated(params);
			if (this.partner.isEmpty()) {
				return own;
			}
			params.put("reach_partner_rounds", this.partner.toArray(Long[]::new));
			params.put("reach_institutions", this.institutions);
			return "(" + own + " or (a.round_id = any(:reach_partner_rounds) and exists (select 1"
					+ " from applications_choices_for_decisions c"
					+ " join programme_titles_for_decisions p on p.id = c.programme_id"
					+ " where c.application_id = a.id and p.institution_id in (:reach_institutions))))";
		}

		/**
		 * The rounds it takes in, as a condition on {@code application_round r}: for the
		 * queue's filters.
		 */
		public String rounds(Map<String, Object> params) {
			if (this.everywhere) {
				return "true";
			}
			params.put("reach_all_rounds",
					Stream.concat(this.coordinated.stream(), this.partner.stream()).toArray(Long[]::new));
			return "r.id = any(:reach_all_rounds)";
		}

		/**
		 * The programmes its officers may meet, as a condition on {@code programme p}:
		 * their own, and every programme of the rounds they take in, which an applicant
		 * may have ranked first.
		 */
		public String programmes(Map<String, Object> params) {
			if (this.everywhere) {
				return "true";
			}
			rounds(params);
			params.put("reach_own", this.institutions.isEmpty() ? Set.of(-1L) : this.institutions);
			return "(p.institution_id in (:reach_own) or p.id in (select rp.programme_id"
					+ " from intake_round_programmes_for_decisions rp"
					+ " where rp.round_id = any(:reach_all_rounds)))";
		}

		/** The applications whose round it runs, which it may move as a whole. */
		public String coordinated(Map<String, Object> params) {
			if (this.everywhere) {
				return "true";
			}
			params.put("reach_rounds", this.coordinated.toArray(Long[]::new));
			return "a.round_id = any(:reach_rounds)";
		}

	}

}
