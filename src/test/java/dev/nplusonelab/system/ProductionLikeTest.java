package dev.nplusonelab.system;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application as it runs in production: the {@code prod} profile, a real server, and
 * a database reached over TCP, here through a proxy the tests can cut
 * ({@link FlakyDatabase}). One context for every class that uses it; the data set is
 * small, since these tests are about settings and faults, not statement counts, and the
 * timeouts are short, so that a fault shows within a second.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "lab.seed.scale=0.02", "spring.datasource.hikari.connection-timeout=1000",
				"spring.datasource.hikari.data-source-properties.options=-c statement_timeout=1s" })
@ActiveProfiles("prod")
@ContextConfiguration(initializers = FlakyDatabase.Initializer.class)
@Import(SlowStatementController.class)
@AutoConfigureMockMvc
@interface ProductionLikeTest {

}
