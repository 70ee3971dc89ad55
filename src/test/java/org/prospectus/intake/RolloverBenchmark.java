package org.prospectus.intake;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.prospectus.account.StaffPrincipal;
import org.prospectus.account.StaffRole;
import org.prospectus.support.DatabaseCleaner;
import org.prospectus.support.MutableClock;
import org.prospectus.support.PortalIntegrationTest;
import org.prospectus.support.StatementCounter;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling over 1,000 rounds of one institution, which admit to 10,000 programmes, so that
 * 10,000 years of entry are prepared (issue 28, docs/benchmarks.md): the preview and the
 * rollover, each timed, with the statements they ran and the bytes they allocated, beside
 * a reference in the same run (the same rows copied by two {@code insert ... select}
 * statements, the floor no per-row code can beat). Not one of the suite's tests: its name
 * keeps it out of {@code ./mvnw verify}; run it with {@code bench/rollover.sh}.
 */
@PortalIntegrationTest
class RolloverBenchmark {

	static final int ROUNDS = Integer.getInteger("rollover.rounds", 1000);

	static final int PROGRAMMES_PER_ROUND = Integer.getInteger("rollover.programmes-per-round", 10);

	static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

	@Autowired
	RoundRollover rollover;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	StatementCounter statements;

	@Autowired
	MutableClock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@AfterEach
	void reset() {
		this.clock.reset();
		SecurityContextHolder.clearContext();
		DatabaseCleaner.clean(this.jdbc);
	}

	@Test
	void rollOverAThousandRoundsAndTenThousandYearsOfEntry() {
		DatabaseCleaner.clean(this.jdbc);
		this.clock.setInstant(NOW);
		long institution = generate();
		SecurityContextHolder.getContext()
			.setAuthentication(StaffPrincipal.authentication(StaffPrincipal.acting("editor@bench.example", Set.of(),
					Map.of(StaffRole.EDITOR, Set.of(institution)))));

		Measure reference = measure(() -> {
			new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
				this.jdbc.sql("""
						insert into application_round (institution_id, slug, name, opens_at, deadline_at,
						    documents_deadline_at, notification_at, studies_start_at, ever_published)
						select institution_id, slug || '-ref', name, opens_at + interval '1 year',
						    deadline_at + interval '1 year', documents_deadline_at + interval '1 year',
						    notification_at + interval '1 year', studies_start_at + interval '1 year', false
						from application_round""").update();
				this.jdbc.sql("""
						insert into programme_year (programme_id, entry_year, tuition_amount, tuition_currency,
						    tuition_period, entry_requirements)
						select id, entry_year + 1, tuition_amount, tuition_currency, tuition_period, entry_requirements
						from programme""").update();
				status.setRollbackOnly();
			});
			return 0;
		});
		Measure preview = measure(() -> this.rollover.planAll(institution).size());
		Measure rolled = measure(() -> this.rollover.rollOverAll(institution).size());
		Measure again = measure(() -> this.rollover.rollOverAll(institution).size());

		int years = this.jdbc.sql("select count(*) from programme_year").query(Integer.class).single();
		int copies = this.jdbc.sql("select count(*) from application_round where rolled_from_id is not null")
			.query(Integer.class)
			.single();
		System.out.printf("%nRollover of %d rounds admitting to %d programmes (one institution):%n", ROUNDS,
				ROUNDS * PROGRAMMES_PER_ROUND);
		System.out.printf("  %-34s %10s %12s %14s%n", "", "time", "statements", "allocated");
		print("reference: insert ... select", reference);
		print("preview (" + preview.result() + " rounds)", preview);
		print("rollover (" + rolled.result() + " copies)", rolled);
		print("rollover again (" + again.result() + ")", again);
		System.out.printf("  made: %d rounds, %d years of entry; heap after a GC: %d MB%n%n", copies, years,
				heapAfterGc() / (1024 * 1024));
		assertThat(copies).isEqualTo(ROUNDS);
		assertThat(years).isEqualTo(ROUNDS * PROGRAMMES_PER_ROUND);
		assertThat(preview.result()).isEqualTo(ROUNDS);
	}

	/** One institution with the rounds, each admitting to its own programmes. */
	long generate() {
		long institution = this.jdbc.sql("""
				insert into institution (slug, name, country_code, time_zone, currency)
				values ('bench', 'Bench University', 'SE', 'Europe/Stockholm', 'SEK') returning id""")
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into programme (institution_id, code, slug, title, award, level, credits, credit_system,
				    duration_months, study_mode, language, summary, state, entry_year, tuition_amount,
				    tuition_currency, tuition_period, entry_requirements)
				select :institution, 'P' || n, 'bench-programme-' || n, 'Programme ' || n, 'MSc', 'MASTER', 120,
				    'ECTS', 24, 'CAMPUS', 'en', 'A programme.', 'PUBLISHED', 2027, 150000 + n, 'SEK', 'PER_YEAR',
				    'A bachelor''s degree'
				from generate_series(1, :count) n""")
			.param("institution", institution)
			.param("count", ROUNDS * PROGRAMMES_PER_ROUND)
			.update();
		this.jdbc.sql("""
				insert into application_round (institution_id, slug, name, opens_at, deadline_at,
				    documents_deadline_at, notification_at, studies_start_at)
				select :institution, 'bench-round-' || n || '-2027', 'Round ' || n || ' 2027',
				    timestamptz '2026-10-15 00:00+02', timestamptz '2027-01-15 23:59:59+01',
				    timestamptz '2027-02-01 23:59:59+01', timestamptz '2027-04-01 12:00+02',
				    timestamptz '2027-08-23 00:00+02'
				from generate_series(1, :count) n""").param("institution", institution).param("count", ROUNDS).update();
		this.jdbc.sql("""
				insert into round_programme (round_id, programme_id)
				select r.id, p.id
				from application_round r
				join programme p on (substring(p.code from 2)::int - 1) / :per
				    = substring(r.slug from 'bench-round-([0-9]+)')::int - 1""")
			.param("per", PROGRAMMES_PER_ROUND)
			.update();
		return institution;
	}

	Measure measure(Supplier<Integer> work) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		this.statements.reset();
		long allocated = threads.getThreadAllocatedBytes(thread);
		long start = System.nanoTime();
		int result = work.get();
		Duration time = Duration.ofNanos(System.nanoTime() - start);
		return new Measure(result, time, this.statements.count(), threads.getThreadAllocatedBytes(thread) - allocated);
	}

	static void print(String what, Measure measure) {
		System.out.printf("  %-34s %8.2f s %12d %11d MB%n", what, measure.time().toMillis() / 1000.0,
				measure.statements(), measure.allocated() / (1024 * 1024));
	}

	static long heapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	record Measure(int result, Duration time, int statements, long allocated) {

	}

}
