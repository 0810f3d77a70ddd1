package dev.nplusonelab.guide;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.nplusonelab.store.Bookstore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which relation a statement loads, read from the table it reads first and the key it
 * binds: the lookups a naive page runs row by row, a prefetch for every row at once, and
 * never a statement that merely joins the relation.
 */
class StatementShapeTests {

	@Test
	void aLookupByIdLoadsTheToOneThatPointsThere() {
		String sql = "SELECT \"customer\".\"id\" AS \"id\", \"customer\".\"name\" AS \"name\" FROM \"customer\" "
				+ "WHERE \"customer\".\"id\" = ?";

		assertThat(StatementShape.of(sql).loads(Bookstore.ORDER_CUSTOMER)).isTrue();
		assertThat(StatementShape.of(sql).loads(Bookstore.BOOK_AUTHOR)).isFalse();
		assertThat(StatementShape.of(sql).loads(Bookstore.CUSTOMER_ORDERS)).isFalse();
	}

	@Test
	void childrenByTheParentsKeyLoadTheToMany() {
		assertThat(StatementShape.of("SELECT * FROM review WHERE book_id = ? ORDER BY created_at DESC, id DESC")
			.loads(Bookstore.BOOK_REVIEWS)).isTrue();
		assertThat(StatementShape.of("SELECT id, title FROM book WHERE author_id = ? AND published_on >= ?")
			.loads(Bookstore.AUTHOR_BOOKS)).isTrue();
		assertThat(StatementShape.of("SELECT b.author_id AS parent_id, b.id FROM book b\nWHERE b.author_id = ANY(?)")
			.loads(Bookstore.AUTHOR_BOOKS)).isTrue();
	}

	@Test
	void aManyToManyIsLoadedThroughItsLinksOrByTheFarRowsIds() {
		assertThat(
				StatementShape.of("SELECT \"book_tag\".\"tag_id\" FROM \"book_tag\" WHERE \"book_tag\".\"book_id\" = ?")
					.loads(Bookstore.BOOK_TAGS))
			.isTrue();
		assertThat(
				StatementShape.of("SELECT \"tag\".\"id\", \"tag\".\"name\" FROM \"tag\" WHERE \"tag\".\"id\" IN (?, ?)")
					.loads(Bookstore.BOOK_TAGS))
			.isTrue();
		assertThat(StatementShape
			.of("SELECT bt.book_id AS parent_id, t.name FROM tag t JOIN book_tag bt ON bt.tag_id = t.id "
					+ "WHERE bt.book_id = ANY(?) ORDER BY t.name")
			.loads(Bookstore.BOOK_TAGS)).isTrue();
	}

	/**
	 * The rating of an author's books keys on the book's author, but reads reviews: it
	 * does not load the author's books.
	 */
	@Test
	void theKeyMustBelongToTheTableTheStatementReads() {
		String rating = "SELECT round(avg(r.rating), ?) FROM review r JOIN book b ON b.id = r.book_id "
				+ "WHERE b.author_id = ?";

		assertThat(StatementShape.of(rating)).isEqualTo(new StatementShape("review", "book", "author_id"));
		assertThat(StatementShape.of(rating).loads(Bookstore.AUTHOR_BOOKS)).isFalse();
		assertThat(StatementShape.of(rating).loads(Bookstore.BOOK_REVIEWS)).isFalse();
	}

	@Test
	void aJoinOrALateralBindsNoKeySoItLoadsNothingOnItsOwn() {
		String orders = "SELECT o.id, cu.name AS customer_name FROM orders o JOIN customer cu ON cu.id = o.customer_id "
				+ "LEFT JOIN LATERAL (SELECT count(*) AS n FROM order_item oi WHERE oi.order_id = o.id) items ON true "
				+ "ORDER BY o.id LIMIT ? OFFSET ?";

		assertThat(StatementShape.of(orders)).isEqualTo(new StatementShape("orders", null, null));
		assertThat(StatementShape.of(orders).loads(Bookstore.ORDER_CUSTOMER)).isFalse();
		assertThat(StatementShape.of(orders).loads(Bookstore.ORDER_ITEMS)).isFalse();
	}

	@Test
	void aSavingCountsEveryRunOfTheStatementsThatLoadItsRelations() {
		Saving saving = new Saving("lookups", "joined", List.of(Bookstore.BOOK_CATEGORY, Bookstore.BOOK_EDITOR));
		Map<String, Integer> ran = Map.of("SELECT * FROM \"category\" WHERE \"category\".\"id\" = ?", 50,
				"SELECT * FROM \"editor\" WHERE \"editor\".\"id\" = ?", 38,
				"SELECT * FROM \"author\" WHERE \"author\".\"id\" = ?", 50);

		assertThat(saving.countIn(ran)).isEqualTo(88);
	}

}
