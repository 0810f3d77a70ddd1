package dev.nplusonelab.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person sees when the database fails, through the real server: a friendly 503
 * while PostgreSQL is away, {@code DOWN} on the health endpoint, a statement that runs
 * too long cut off, and the pages back within seconds once the database returns.
 */
@ProductionLikeTest
class DatabaseFaultTests {

	private static final List<String> PAGES = List.of("/books", "/books?mode=naive&size=5", "/books/1",
			"/authors?mode=naive&size=5", "/orders", "/customers/1?mode=naive", "/");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private FlakyDatabase database;

	@AfterEach
	void restoreTheDatabase() {
		this.database.restore();
	}

	@Test
	void whileTheDatabaseIsAwayPagesAnswer503AndHealthIsDownThenTheyRecoverWithoutARestart() throws Exception {
		assertThat(get("/books").statusCode()).isEqualTo(200);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);

		this.database.cut();

		for (String page : PAGES) {
			long started = System.nanoTime();
			HttpResponse<String> response = get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(503);
			assertThat(response.body()).as(page)
				.contains("The database is not answering right now")
				.contains("class=\"error-page\"")
				.doesNotContain("Exception", "org.springframework", "java.lang", "at dev.");
			assertThat(Duration.ofNanos(System.nanoTime() - started)).as(page).isLessThan(Duration.ofSeconds(5));
		}
		HttpResponse<String> api = get("/api/books");
		assertThat(api.statusCode()).isEqualTo(503);
		assertThat(api.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).contains("application/problem+json"));
		HttpResponse<String> health = get("/actuator/health");
		assertThat(health.statusCode()).isEqualTo(503);
		assertThat(health.body()).contains("\"status\":\"DOWN\"").doesNotContain("Exception", "Connection");

		this.database.restore();

		long restored = System.nanoTime();
		while (get("/books").statusCode() != 200) {
			assertThat(Duration.ofNanos(System.nanoTime() - restored)).isLessThan(Duration.ofSeconds(10));
			Thread.sleep(100);
		}
		Duration recovery = Duration.ofNanos(System.nanoTime() - restored);
		LoggerFactory.getLogger(DatabaseFaultTests.class)
			.info("Pages answered again {} ms after the database returned", recovery.toMillis());
		assertThat(recovery).isLessThan(Duration.ofSeconds(5));
		for (String page : PAGES) {
			assertThat(get(page).statusCode()).as(page).isEqualTo(200);
		}
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void aStatementThatRunsTooLongIsCancelledAndTheRequestAnswers503() throws Exception {
		long started = System.nanoTime();

		HttpResponse<String> response = get(SlowStatementController.PATH);

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.body()).contains("The database is not answering right now")
			.doesNotContain("Exception", "pg_sleep", "canceling statement");
		assertThat(get("/books").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Accept",
					path.startsWith("/api") || path.startsWith("/actuator") ? "application/json" : "text/html")
			.timeout(Duration.ofSeconds(15))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
