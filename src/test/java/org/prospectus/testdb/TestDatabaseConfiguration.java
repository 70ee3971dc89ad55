package org.prospectus.testdb;

import java.nio.file.Path;

import com.github.dockerjava.api.model.Bind;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The one database configuration for every database test and for
 * {@code ./mvnw spring-boot:test-run}: a real PostgreSQL, from Testcontainers when a
 * Docker engine answers, embedded otherwise (see {@link DatabaseMode}).
 * <p>
 * With {@code prospectus.dev.database.persistent=true} (the developer run) the data is
 * kept between restarts: in {@code prospectus.dev.database.directory} (default
 * {@code .dev/postgres}) for the embedded server, in the Docker volume
 * {@code prospectus.dev.database.volume} (default {@code prospectus-dev-pgdata}) for the
 * container. The benchmark profile names its own of both, so its million applications
 * never land in the demo's database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	/** Pinned so that every developer and CI run the same server version. */
	static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:17.6-alpine");

	static final String PERSISTENT = "prospectus.dev.database.persistent";

	static final String DEV_VOLUME = "prospectus-dev-pgdata";

	static final String VOLUME = "prospectus.dev.database.volume";

	@Bean
	@ServiceConnection
	@Conditional(DockerSelected.class)
	PostgreSQLContainer postgresContainer(Environment environment) {
		PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
		if (environment.getProperty(PERSISTENT, Boolean.class, false)) {
			container.withCreateContainerCmdModifier((command) -> command.getHostConfig()
				.withBinds(Bind.parse(environment.getProperty(VOLUME, DEV_VOLUME) + ":/var/lib/postgresql/data")));
		}
		return container;
	}

	@Bean
	@Conditional(EmbeddedSelected.class)
	JdbcConnectionDetails embeddedPostgres(Environment environment) {
		Path dataDirectory = environment.getProperty(PERSISTENT, Boolean.class, false)
				? Path.of(environment.getProperty("prospectus.dev.database.directory", ".dev/postgres")) : null;
		return new EmbeddedConnectionDetails(EmbeddedPostgresServer.jdbcUrl(dataDirectory));
	}

	record EmbeddedConnectionDetails(String getJdbcUrl) implements JdbcConnectionDetails {

		@Override
		public String getUsername() {
			return "postgres";
		}

		@Override
		public String getPassword() {
			return "postgres";
		}

	}

	static final class DockerSelected implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return DatabaseMode.current() == DatabaseMode.DOCKER;
		}

	}

	static final class EmbeddedSelected implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return DatabaseMode.current() == DatabaseMode.EMBEDDED;
		}

	}

}
