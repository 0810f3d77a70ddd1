package dev.nplusonelab.diagnostics.web;

import org.junit.jupiter.api.Test;

import static dev.nplusonelab.diagnostics.capture.RecordedStatements.unseen;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the panel lays a statement out: a clause per line, subqueries indented, and nothing
 * but the whitespace between words changed. Texts are
 * {@link dev.nplusonelab.diagnostics.capture.RecordedStatements#unseen unseen}: each is
 * laid out once for the life of the JVM, which PIT's mutants share.
 */
class SqlFormatterTests {

	@Test
	void eachMajorClauseStartsALine() {
		String sql = unseen("select b.id, b.title from book b left outer join author a on a.id = b.author_id "
				+ "join category c on c.id = b.category_id where b.price > ? group by b.id, b.title "
				+ "having count(*) > 1 order by b.title limit 10 offset 20");

		assertThat(SqlFormatter.format(sql)).isEqualTo("""
				select b.id, b.title
				from book b
				left outer join author a on a.id = b.author_id
				join category c on c.id = b.category_id
				where b.price > ?
				group by b.id, b.title
				having count(*) > 1
				order by b.title
				limit 10
				offset 20""");
	}

	@Test
	void keywordsInsideLiteralsQuotedNamesAndCommentsAreLeftAsTheyAre() {
		String sql = unseen("SELECT 'a  FROM b WHERE c' AS \"from  where\", `order by` /* FROM  x\n JOIN */ "
				+ "FROM t WHERE s = 'it''s  ORDER BY' -- WHERE  1\nORDER BY 1");

		assertThat(SqlFormatter.format(sql)).isEqualTo("""
				SELECT 'a  FROM b WHERE c' AS "from  where", `order by` /* FROM  x
				 JOIN */
				FROM t
				WHERE s = 'it''s  ORDER BY' -- WHERE  1
				ORDER BY 1""");
	}

	@Test
	void aSubqueryIsIndentedAndOtherParenthesesAreNotBroken() {
		String sql = unseen("SELECT a.name, (SELECT count(*) FROM book b WHERE b.author_id = a.id) AS books, "
				+ "row_number() OVER (ORDER BY a.name), extract(YEAR FROM a.born_on), "
				+ "percentile_cont(0.5) WITHIN GROUP (ORDER BY a.id) FROM author a "
				+ "WHERE a.id IN ( SELECT author_id FROM book WHERE id IN (SELECT book_id FROM review)) "
				+ "UNION ALL SELECT b.order, b.from FROM x b FOR UPDATE");

		assertThat(SqlFormatter.format(sql)).isEqualTo("""
				SELECT a.name, (SELECT count(*)
				  FROM book b
				  WHERE b.author_id = a.id) AS books, row_number() OVER (ORDER BY a.name), \
				extract(YEAR FROM a.born_on), percentile_cont(0.5) WITHIN GROUP (ORDER BY a.id)
				FROM author a
				WHERE a.id IN ( SELECT author_id
				  FROM book
				  WHERE id IN (SELECT book_id
				    FROM review))
				UNION ALL
				SELECT b.order, b.from
				FROM x b
				FOR UPDATE""");
	}

	@Test
	void writesAndJoinsOfEveryKindAreLaidOutToo() {
		assertThat(SqlFormatter.format(unseen("INSERT INTO t (a, b) VALUES (?, ?) RETURNING id")))
			.isEqualTo("INSERT INTO t (a, b)\nVALUES (?, ?)\nRETURNING id");
		assertThat(SqlFormatter.format(unseen("UPDATE t SET a = ? WHERE id = ?")))
			.isEqualTo("UPDATE t\nSET a = ?\nWHERE id = ?");
		assertThat(SqlFormatter.format(unseen("SELECT 1 FROM a NATURAL LEFT JOIN b CROSS JOIN LATERAL f(x) "
				+ "RIGHT JOIN c ON true FULL OUTER JOIN d ON true INNER JOIN e USING (id) WHERE left(a.s, 2) = ?")))
			.isEqualTo("""
					SELECT 1
					FROM a
					NATURAL LEFT JOIN b
					CROSS JOIN LATERAL f(x)
					RIGHT JOIN c ON true
					FULL OUTER JOIN d ON true
					INNER JOIN e USING (id)
					WHERE left(a.s, 2) = ?""");
	}

	@Test
	void whitespaceBetweenWordsBecomesOneSpaceAndLinesOfTheTextAreRelaidOut() {
		String sql = unseen("""
				SELECT b.id,
				       b.title
				FROM   book b
				WHERE  b.id = ANY(?)
				""");

		assertThat(SqlFormatter.format(sql)).isEqualTo("SELECT b.id, b.title\nFROM book b\nWHERE b.id = ANY(?)");
	}

	@Test
	void aCommentThatEndsALineIsNotFollowedByAnEmptyOne() {
		assertThat(SqlFormatter.format(unseen("-- list\nSELECT id -- the key\nFROM t")))
			.isEqualTo("-- list\nSELECT id -- the key\nFROM t");
	}

}
