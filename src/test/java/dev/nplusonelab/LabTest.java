package dev.nplusonelab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole application against a real, seeded PostgreSQL: the embedded one, or the
 * server named by {@code SPRING_DATASOURCE_URL}. Every test class that uses it shares one
 * application context, so the database starts and is seeded once per run.
 * <p>
 * The server listens on a random port as well, so that the browser tests (which need a
 * real HTTP server) share this context instead of starting and seeding a second one;
 * {@code MockMvcTester} works the same either way.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "nplusone.strict=true")
@AutoConfigureMockMvc
public @interface LabTest {

}
