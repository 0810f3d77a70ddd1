package dev.nplusonelab.query;

import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

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
	void aStatementLimitsItsRowsOneWayOnly() {
		Select afterKey = Select.from(BOOK).columns("b.id").where("b.price > 10").pagedAfter("b.id");

		assertThat(afterKey.sql()).contains("WHERE b.price > 10\n  AND b.id > :after");
		assertThatIllegalStateException().isThrownBy(() -> afterKey.orderBy("b.title"));
		assertThatIllegalStateException().isThrownBy(afterKey::paged);
		assertThatIllegalStateException().isThrownBy(() -> afterKey.limit(5));
		assertThatIllegalStateException()
			.isThrownBy(() -> Select.from(BOOK).columns("b.id").orderBy("b.title").pagedAfter("b.id"));
		assertThatIllegalStateException()
			.isThrownBy(() -> Select.from(BOOK).columns("b.id").orderBy("b.id").paged().pagedAfter("b.id"));
		assertThat(Select.from(BOOK).columns("b.id").orderBy("b.id").pagedAfter("b.id").sql())
			.isEqualTo(Select.from(BOOK).columns("b.id").pagedAfter("b.id").sql());
	}

	@Test
	void theKeyMustBeARootColumn() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Select.from(BOOK).columns("b.id").join(BOOK_AUTHOR).pagedAfter("a.id"));
	}

}
