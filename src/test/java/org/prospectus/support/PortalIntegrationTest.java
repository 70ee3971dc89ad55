package org.prospectus.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.prospectus.testdb.TestDatabaseConfiguration;
import org.prospectus.testmail.TestMailServerConfiguration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one integration-test setup: the whole application on a random port, on the real
 * PostgreSQL of {@link TestDatabaseConfiguration} and the SMTP server of
 * {@link TestMailServerConfiguration}, with MockMvc and the test clock. Every test class
 * that uses it shares one Spring context and one database per JVM.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({ TestDatabaseConfiguration.class, TestMailServerConfiguration.class, TestSupportConfiguration.class })
@ActiveProfiles("test")
public @interface PortalIntegrationTest {

}
