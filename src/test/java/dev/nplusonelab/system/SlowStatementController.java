package dev.nplusonelab.system;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A page whose statement takes longer than any statement timeout worth having. */
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
