package dev.nplusonelab.query;

import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** {@link Select#pagedAfter}: the statement it writes. */
class KeysetTests {

	@Test
	void aPageAfterAKeySeeksInsteadOfSkipping() {
		Select select = Select.from(BOOK).columns("b.id", "a.name").join(BOOK_AUTHOR).pagedAfter("b.id");

		assertThat(select.sql()).contains("WHERE b.id > :after", "ORDER BY b.id", "LIMIT :limit")
			.doesNotContain("OFFSET");
		assertThat(select.isPagedAfter()).isTrue();
		assertThat(Select.from(BOOK).columns("b.id").orderBy("b.id").paged().isPagedAfter()).isFalse();
	}

	@Test
	void theKeyMustBeARootColumn() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Select.from(BOOK).columns("b.id").join(BOOK_AUTHOR).pagedAfter("a.id"));
	}

}
