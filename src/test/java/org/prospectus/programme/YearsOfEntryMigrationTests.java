package org.prospectus.programme;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.prospectus.support.PortalIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration to years of entry (V45) on data written before it: a database of its own
 * is migrated to V44, given programmes as the portal wrote them, then migrated on. Every
 * programme keeps every value and gets the year of entry its rounds say, and the old rows
 * read back through the new schema.
 */
@PortalIntegrationTest
class YearsOfEntryMigrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void existingProgrammesBecomeTheirCurrentYearOfEntryWithNothingLost() throws SQLException {
		String url;
		String user;
		try (Connection connection = this.dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			user = connection.getMetaData().getUserName();
		}
		String password = (this.dataSource instanceof com.zaxxer.hikari.HikariDataSource hikari) ? hikari.getPassword()
				: null;
		JdbcClient server = JdbcClient.create(this.dataSource);
		server.sql("drop database if exists prospectus_migration_test").update();
		server.sql("create database prospectus_migration_test").update();
		String migrationUrl = url.replaceFirst("/[^/?]+(\\?|$)", "/prospectus_migration_test$1");
		try (Connection connection = DriverManager.getConnection(migrationUrl, user, password)) {
			SingleConnectionDataSource database = new SingleConnectionDataSource(connection, true);
			Flyway.configure().dataSource(database).target("44").load().migrate();
			JdbcClient old = JdbcClient.create(database);
			old.sql("""
					insert into institution (id, slug, name, country_code, time_zone, currency)
					values (1, 'kth', 'KTH', 'SE', 'Europe/Stockholm', 'SEK')""").update();
			old.sql("""
					insert into programme (id, institution_id, code, slug, title, award, level, credits, credit_system,
					    duration_months, study_mode, language, summary, state, tuition_amount, tuition_currency,
					    tuition_period, entry_requirements)
					values (1, 1, 'TMAIM', 'ml', 'Machine Learning', 'MSc', 'MASTER', 120, 'ECTS', 24, 'CAMPUS',
					        'en', 'Learn it.', 'PUBLISHED', 155000, 'SEK', 'PER_YEAR', 'A bachelor''s degree'),
					       (2, 1, 'TOLD', 'old', 'Old', 'MSc', 'MASTER', 120, 'ECTS', 24, 'CAMPUS',
					        'en', 'Older.', 'RETIRED', null, null, null, null)""").update();
			// Studies start on 23 August 2027, 00:00 in Stockholm: 22 August, 22:00 UTC.
			old.sql("""
					insert into application_round (id, institution_id, slug, name, opens_at, deadline_at,
					    documents_deadline_at, notification_at, studies_start_at)
					values (1, 1, 'autumn-2027', 'Autumn 2027', now() - interval '1 day', now() + interval '30 days',
					        now() + interval '40 days', now() + interval '60 days',
					        timestamptz '2027-08-22 22:00:00+00')""").update();
			old.sql("insert into round_programme (round_id, programme_id) values (1, 1)").update();

			Flyway.configure().dataSource(database).load().migrate();

			JdbcClient migrated = JdbcClient.create(database);
			assertThat(migrated
				.sql("""
						select entry_year, title, tuition_amount, tuition_currency, tuition_period, entry_requirements, state
						from programme where id = 1""")
				.query()
				.singleRow()).containsEntry("entry_year", 2027)
				.containsEntry("title", "Machine Learning")
				.containsEntry("tuition_currency", "SEK")
				.containsEntry("tuition_period", "PER_YEAR")
				.containsEntry("entry_requirements", "A bachelor's degree")
				.containsEntry("state", "PUBLISHED");
			assertThat(migrated.sql("select tuition_amount from programme where id = 1")
				.query(java.math.BigDecimal.class)
				.single()).isEqualByComparingTo("155000");
			// Without a round: the year of the next autumn, never null.
			assertThat(migrated.sql("select entry_year from programme where id = 2").query(Integer.class).single())
				.isBetween(2026, 2100);
			assertThat(migrated.sql("select count(*) from programme_year").query(Integer.class).single()).isZero();
			assertThat(migrated.sql("select count(*) from round_programme").query(Integer.class).single()).isOne();
		}
		finally {
			server.sql("drop database if exists prospectus_migration_test").update();
		}
	}

}
