package dev.nplusonelab.export;

import static dev.nplusonelab.store.Bookstore.AUTHOR_PUBLISHER;
import static dev.nplusonelab.store.Bookstore.BOOK;
import static dev.nplusonelab.store.Bookstore.BOOK_AUTHOR;
import static dev.nplusonelab.store.Bookstore.TAG_NAMES;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.nplusonelab.query.FetchPlan;
import dev.nplusonelab.query.Select;

/**
 * Writes every book as CSV, {@value #CHUNK_SIZE} books at a time: each chunk is the fetch
 * plan's two statements (the books joined with author and publisher, then their tags),
 * and the next chunk starts after the last id written (keyset), so no chunk gets slower
 * as the export goes deeper, and only one chunk is in memory at a time.
 */
@Component
class BookExport {

	static final int CHUNK_SIZE = 5_000;

	static final String HEADER = "id,title,author,publisher,tags\r\n";

	// tag::chunk[]
	private static final FetchPlan<ExportRow> CHUNK = FetchPlan
		.of(Select.from(BOOK)
			.columns("b.id", "b.title", "a.name AS author_name", "p.name AS publisher_name")
			.join(BOOK_AUTHOR, AUTHOR_PUBLISHER)
			.pagedAfter("b.id"), BookExport::row, ExportRow::id)
		.prefetch(TAG_NAMES, ExportRow::withTags);

	// end::chunk[]

	private final JdbcClient jdbc;

	BookExport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Writes the header and every book, flushing after each chunk so the client receives
	 * it while the next one loads.
	 * @return the number of books written
	 */
	long writeTo(Writer out) throws IOException {
		out.write(HEADER);
		long after = 0;
		long written = 0;
		Slice<ExportRow> chunk;
		do {
			chunk = CHUNK.sliceAfter(this.jdbc, after, CHUNK_SIZE);
			List<ExportRow> rows = chunk.getContent();
			StringBuilder lines = new StringBuilder(rows.size() * 96);
			for (ExportRow row : rows) {
				row.appendTo(lines);
			}
			out.write(lines.toString());
			out.flush();
			written += rows.size();
			after = rows.isEmpty() ? after : rows.get(rows.size() - 1).id();
		}
		// The chunk read one row more than it holds, so it knows whether another follows.
		while (chunk.hasNext());
		return written;
	}

	private static ExportRow row(java.sql.ResultSet resultSet, int row) throws java.sql.SQLException {
		return new ExportRow(resultSet.getLong("id"), resultSet.getString("title"), resultSet.getString("author_name"),
				resultSet.getString("publisher_name"), List.of());
	}

	record ExportRow(long id, String title, String author, String publisher, List<String> tags) {

		ExportRow withTags(List<String> tags) {
			return new ExportRow(this.id, this.title, this.author, this.publisher, tags);
		}

		void appendTo(StringBuilder line) {
			line.append(this.id).append(',');
			field(line, this.title).append(',');
			field(line, this.author).append(',');
			field(line, this.publisher).append(',');
			field(line, String.join(";", this.tags)).append("\r\n");
		}

		/**
		 * RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes
		 * doubled. A field that a spreadsheet would take for a formula gets a leading
		 * apostrophe, so opening the file runs nothing.
		 */
		private static StringBuilder field(StringBuilder line, String value) {
			String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
			if (safe.indexOf(',') < 0 && safe.indexOf('"') < 0 && safe.indexOf('\n') < 0 && safe.indexOf('\r') < 0) {
				return line.append(safe);
			}
			return line.append('"').append(safe.replace("\"", "\"\"")).append('"');
		}

	}

}
