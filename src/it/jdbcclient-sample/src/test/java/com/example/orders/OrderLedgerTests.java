package com.example.orders;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

import dev.nplusonelab.diagnostics.test.ExpectStatements;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's {@code @ExpectStatements} in the {@code @JdbcTest} slice: the ledger's
 * statement counts asserted without a web server.
 */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ EmbeddedPostgresConfiguration.class, OrderLedger.class })
class OrderLedgerTests {

	@Autowired
	private OrderLedger ledger;

	@Test
	@ExpectStatements(exactly = 2)
	void theBatchedListRunsTwoStatements() {
		assertThat(this.ledger.batched()).hasSize(12);
	}

	@Test
	@ExpectStatements(exactly = 13, nPlusOne = true)
	void theNaiveListRunsOneStatementPerOrder() {
		assertThat(this.ledger.naive()).hasSize(12);
	}

}
