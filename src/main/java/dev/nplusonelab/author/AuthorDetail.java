package dev.nplusonelab.author;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import dev.nplusonelab.system.PageRecords;

/** One author and every book they wrote, newest first, each with its tags. */
record AuthorDetail(long id, String name, String bio, @Nullable LocalDate bornOn, String publisherName,
		List<AuthorBook> books) implements PageRecords {

	/** The author and their books. */
	@Override
	public int recordCount() {
		return 1 + this.books.size();
	}

	AuthorDetail withBooks(List<AuthorBook> books) {
		return new AuthorDetail(this.id, this.name, this.bio, this.bornOn, this.publisherName, List.copyOf(books));
	}

	record AuthorBook(long id, String title, LocalDate publishedOn, BigDecimal price, List<String> tags) {
	}

}
