package dev.nplusonelab.sqlreport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The most statements per route and mode: it only ever grows, and routes and modes keep
 * their own.
 */
class MostStatementsTests {

	private final MostStatements most = new MostStatements();

	@Test
	void keepsTheLargestCountWhateverRanAfterIt() {
		this.most.seen("/books", "naive", 52);
		this.most.seen("/books", "naive", 12);
		this.most.seen("/books", "naive", 53);
		this.most.seen("/books", "naive", 0);

		assertThat(this.most.of("/books", "naive")).hasValue(53);
	}

	@Test
	void eachRouteAndModeHasItsOwn() {
		this.most.seen("/books", "naive", 52);
		this.most.seen("/books", "optimized", 2);
		this.most.seen("/authors", "optimized", 3);

		assertThat(this.most.of("/books", "optimized")).hasValue(2);
		assertThat(this.most.of("/authors", "optimized")).hasValue(3);
		assertThat(this.most.of("/authors", "naive")).isEmpty();
	}

	@Test
	void aRequestWithoutStatementsIsSeenAsZeroNotAsNothing() {
		this.most.seen("/guide", "none", 0);

		assertThat(this.most.of("/guide", "none")).hasValue(0);
		assertThat(this.most.of("/lab", "none")).isEmpty();
	}

}
