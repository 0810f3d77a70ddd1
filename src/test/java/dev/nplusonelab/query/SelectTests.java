package dev.nplusonelab.query;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SelectTests {

	static final Table PUBLISHER = new Table("publisher", "p");

	static final Table AUTHOR = new Table("author", "a");

	static final Table EDITOR = new Table("editor", "e");

	static final Table BOOK = new Table("book", "b");

	static final Table REVIEW = new Table("review", "r");

	static final ToOne BOOK_AUTHOR = ToOne.required("book.author", BOOK, "author_id", AUTHOR);

	static final ToOne AUTHOR_PUBLISHER = ToOne.required("author.publisher", AUTHOR, "publisher_id", PUBLISHER);

	static final ToOne BOOK_EDITOR = ToOne.optional("book.editor", BOOK, "editor_id", EDITOR);

	static final ToMany BOOK_REVIEWS = ToMany.reverse("book.reviews", BOOK, REVIEW, "book_id");

	@Test
	void requiredRelationsAreInnerJoinsAndOptionalOnesLeftJoins() {
		String sql = Select.from(BOOK)
			.columns("b.id", "a.name AS author_name", "p.name AS publisher_name", "e.name AS editor_name")
			.join(BOOK_AUTHOR, AUTHOR_PUBLISHER)
			.join(BOOK_EDITOR)
			.sql();

		assertThat(sql).isEqualTo("""
				SELECT b.id,
				       a.name AS author_name,
				       p.name AS publisher_name,
				       e.name AS editor_name
				FROM book b
				JOIN author a ON a.id = b.author_id
				JOIN publisher p ON p.id = a.publisher_id
				LEFT JOIN editor e ON e.id = b.editor_id""");
	}

	@Test
	void aChainMustStartFromATableAlreadyJoined() {
		assertThatIllegalArgumentException().isThrownBy(() -> Select.from(BOOK).join(AUTHOR_PUBLISHER))
			.withMessageContaining("author.publisher")
			.withMessageContaining("join the relation that leads to it first");
	}

	@Test
	void joiningTheSameRelationTwiceJoinsItOnce() {
		String sql = Select.from(BOOK).columns("b.id").join(BOOK_AUTHOR).join(BOOK_AUTHOR, AUTHOR_PUBLISHER).sql();

		assertThat(sql).containsOnlyOnce("JOIN author a");
	}

	@Test
	void aPagedSelectWithJoinsChoosesThePageOfIdsFirst() {
		String sql = Select.from(BOOK).columns("b.id", "a.name").join(BOOK_AUTHOR).orderBy("b.id").paged().sql();

		assertThat(sql).isEqualTo("""
				WITH page AS (
				    SELECT b.id
				    FROM book b
				    ORDER BY b.id
				    LIMIT :limit OFFSET :offset
				)
				SELECT b.id,
				       a.name
				FROM page
				JOIN book b ON b.id = page.id
				JOIN author a ON a.id = b.author_id
				ORDER BY b.id""");
	}

	@Test
	void aPagedSelectWithoutJoinsIsAPlainLimit() {
		String sql = Select.from(BOOK).columns("b.id").orderBy("b.id").paged().sql();

		assertThat(sql).endsWith("ORDER BY b.id\nLIMIT :limit OFFSET :offset").doesNotContain("WITH");
	}

	@Test
	void aLateralAggregateKeepsParentsWithoutChildrenAndExposesItsColumns() {
		String sql = Select.from(BOOK)
			.columns("b.id")
			.annotate(Lateral.over(BOOK_REVIEWS, "stats", "count(*) AS review_count", "avg(r.rating) AS average"))
			.sql();

		assertThat(sql).isEqualTo("""
				SELECT b.id,
				       stats.review_count,
				       stats.average
				FROM book b
				LEFT JOIN LATERAL (
				    SELECT count(*) AS review_count,
				           avg(r.rating) AS average
				    FROM review r
				    WHERE r.book_id = b.id
				) AS stats ON TRUE""");
	}

	@Test
	void aLateralSubqueryCanPickTheFirstChild() {
		String sql = Select.from(BOOK)
			.columns("b.id")
			.annotate(Lateral.over(BOOK_REVIEWS, "latest", "r.body AS latest_review").first("r.created_at DESC"))
			.sql();

		assertThat(sql).contains("ORDER BY r.created_at DESC\n    LIMIT 1\n) AS latest ON TRUE");
	}

	@Test
	void lateralExpressionsMustBeNamed() {
		assertThatIllegalArgumentException().isThrownBy(() -> Lateral.over(BOOK_REVIEWS, "stats", "count(*)"))
			.withMessageContaining("AS");
	}

	@Test
	void identifiersThatAreNotPlainNamesAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Table("book; DROP TABLE book", "b"));
		assertThatIllegalArgumentException().isThrownBy(() -> ToOne.required("x", BOOK, "author_id = 1 OR 1", AUTHOR));
	}

}
