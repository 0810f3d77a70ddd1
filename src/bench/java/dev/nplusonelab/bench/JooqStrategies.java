package dev.nplusonelab.bench;

import static org.jooq.impl.DSL.avg;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.multiset;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.round;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import javax.sql.DataSource;

import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

import dev.nplusonelab.lab.LabAuthor;
import dev.nplusonelab.lab.LabBook;

/**
 * The workloads the way a jOOQ 3.19 team writes them: one statement each, the to-many
 * relations nested with {@code MULTISET} (which jOOQ emulates on PostgreSQL with JSON
 * aggregation), review statistics as correlated scalar subqueries. No code generation:
 * tables and typed fields are declared by name, which renders the same SQL.
 */
final class JooqStrategies {

	private static final Table<?> B = table(name("book")).as("b");

	private static final Table<?> A = table(name("author")).as("a");

	private static final Table<?> P = table(name("publisher")).as("p");

	private static final Table<?> C = table(name("category")).as("c");

	private static final Table<?> E = table(name("editor")).as("e");

	private static final Table<?> T = table(name("tag")).as("t");

	private static final Table<?> BT = table(name("book_tag")).as("bt");

	private static final Table<?> R = table(name("review")).as("r");

	private static final Field<Long> B_ID = column("b", "id", SQLDataType.BIGINT);

	private static final Field<String> B_TITLE = column("b", "title", SQLDataType.CLOB);

	private static final Field<LocalDate> B_PUBLISHED_ON = column("b", "published_on", SQLDataType.LOCALDATE);

	private static final Field<BigDecimal> B_PRICE = column("b", "price", SQLDataType.NUMERIC(8, 2));

	private static final Field<Long> B_AUTHOR_ID = column("b", "author_id", SQLDataType.BIGINT);

	private static final Field<Long> B_CATEGORY_ID = column("b", "category_id", SQLDataType.BIGINT);

	private static final Field<Long> B_EDITOR_ID = column("b", "editor_id", SQLDataType.BIGINT);

	private static final Field<Long> A_ID = column("a", "id", SQLDataType.BIGINT);

	private static final Field<String> A_NAME = column("a", "name", SQLDataType.CLOB);

	private static final Field<Long> A_PUBLISHER_ID = column("a", "publisher_id", SQLDataType.BIGINT);

	private static final Field<Long> P_ID = column("p", "id", SQLDataType.BIGINT);

	private static final Field<String> P_NAME = column("p", "name", SQLDataType.CLOB);

	private static final Field<Long> C_ID = column("c", "id", SQLDataType.BIGINT);

	private static final Field<String> C_NAME = column("c", "name", SQLDataType.CLOB);

	private static final Field<Long> E_ID = column("e", "id", SQLDataType.BIGINT);

	private static final Field<String> E_NAME = column("e", "name", SQLDataType.CLOB);

	private static final Field<Long> T_ID = column("t", "id", SQLDataType.BIGINT);

	private static final Field<String> T_NAME = column("t", "name", SQLDataType.CLOB);

	private static final Field<Long> BT_BOOK_ID = column("bt", "book_id", SQLDataType.BIGINT);

	private static final Field<Long> BT_TAG_ID = column("bt", "tag_id", SQLDataType.BIGINT);

	private static final Field<Long> R_BOOK_ID = column("r", "book_id", SQLDataType.BIGINT);

	private static final Field<Short> R_RATING = column("r", "rating", SQLDataType.SMALLINT);

	private final DSLContext dsl;

	JooqStrategies(DataSource dataSource) {
		this.dsl = DSL.using(dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
	}

	private static <T> Field<T> column(String table, String column, DataType<T> type) {
		return field(name(table, column), type);
	}

	/** Each book's tag names, nested. */
	private static Field<List<String>> tagNames(Field<Long> bookId) {
		return multiset(select(T_NAME).from(T).join(BT).on(BT_TAG_ID.eq(T_ID)).where(BT_BOOK_ID.eq(bookId)).orderBy(T_NAME))
			.as("tags")
			.convertFrom((result) -> result.map((tag) -> tag.value1()));
	}

	List<LabBook> books(int n) {
		Field<Integer> reviewCount = field(select(count()).from(R).where(R_BOOK_ID.eq(B_ID))).as("review_count");
		Field<BigDecimal> averageRating = field(select(round(avg(R_RATING), 2)).from(R).where(R_BOOK_ID.eq(B_ID)))
			.as("average_rating");
		return this.dsl
			.select(B_ID, B_TITLE, A_NAME, P_NAME, C_NAME, E_NAME, tagNames(B_ID), reviewCount, averageRating)
			.from(B)
			.join(A)
			.on(A_ID.eq(B_AUTHOR_ID))
			.join(P)
			.on(P_ID.eq(A_PUBLISHER_ID))
			.join(C)
			.on(C_ID.eq(B_CATEGORY_ID))
			.leftJoin(E)
			.on(E_ID.eq(B_EDITOR_ID))
			.orderBy(B_ID)
			.limit(n)
			.fetch((row) -> new LabBook(row.value1(), row.value2(), row.value3(), row.value4(), row.value5(),
					row.value6(), row.value7(), row.value8(), row.value9()));
	}

	List<LabAuthor> authors(int n) {
		Field<List<LabAuthor.Book>> books = multiset(
				select(B_ID, B_TITLE, B_PUBLISHED_ON, B_PRICE, tagNames(B_ID)).from(B)
					.where(B_AUTHOR_ID.eq(A_ID))
					.orderBy(B_PUBLISHED_ON.desc(), B_ID.desc()))
			.as("books")
			.convertFrom((result) -> result.map((book) -> new LabAuthor.Book(book.value1(), book.value2(),
					book.value3(), book.value4(), book.value5())));
		return this.dsl.select(A_ID, A_NAME, P_NAME, books)
			.from(A)
			.join(P)
			.on(P_ID.eq(A_PUBLISHER_ID))
			.orderBy(A_ID)
			.limit(n)
			.fetch((row) -> new LabAuthor(row.value1(), row.value2(), row.value3(), row.value4()));
	}

}
