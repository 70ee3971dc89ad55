package org.prospectus.staging;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The catalogue's version: a number the database raises with every committed change to
 * anything public pages show (V25, ADR 0023). Two reads that give the same number saw the
 * same catalogue, so whatever was worked out from it can be kept until the number moves.
 */
@Component
@NamedInterface("api")
public class PublishedVersion {

	private final JdbcClient jdbc;

	PublishedVersion(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The committed version, one statement on a primary key. */
	public long current() {
		return this.jdbc.sql("select version from catalogue_version").query(Long.class).single();
	}

}
