package dev.nplusonelab.system;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A page whose statement takes longer than any statement timeout worth having. A test
 * component, so that only {@link ProductionLikeTest} imports it and the application's
 * component scan leaves it out of every other context.
 */
@TestComponent
@RestController
class SlowStatementController {

	static final String PATH = "/test/slow-statement";

	private final JdbcClient jdbc;

	SlowStatementController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping(PATH)
	String slow() {
		return this.jdbc.sql("SELECT CAST(pg_sleep(30) AS text)").query(String.class).single();
	}

}
