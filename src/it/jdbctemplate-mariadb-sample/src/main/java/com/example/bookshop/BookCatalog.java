package com.example.bookshop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

/**
 * The book list, twice: row by row, as it is often first written, and batched, with the
 * fixes the starter names applied. Both return the same lines.
 */
@Component
class BookCatalog {

	private final BookDao books;

	private final AuthorDao authors;

	private final ReviewDao reviews;

	private final GenreDao genres;

	private final TagDao tags;

	private final SaleDao sales;

	BookCatalog(BookDao books, AuthorDao authors, ReviewDao reviews, GenreDao genres, TagDao tags, SaleDao sales) {
		this.books = books;
		this.authors = authors;
		this.reviews = reviews;
		this.genres = genres;
		this.tags = tags;
		this.sales = sales;
	}

	/**
	 * Deliberately naive: the books in one statement, then three statements per book. Six
	 * books make 19 statements, and the starter reports all three loops: the author's
	 * name looked up per book (an N+1, though three authors share the six books), the
	 * reviews counted per book (an N+1 that one GROUP BY answers), and the genre list
	 * read again per book (a duplicate: it has no parameter at all).
	 */
	List<BookLine> rowByRow() {
		return this.books.all()
			.stream()
			.map((book) -> new BookLine(book.id(), book.title(), this.authors.name(book.authorId()),
					this.reviews.count(book.id()), genreName(this.genres.all(), book.genreId())))
			.toList();
	}

	/**
	 * The same lines in four statements whatever the number of books: the books, their
	 * authors by the collected ids, their review counts grouped by book, and the genres
	 * once.
	 */
	List<BookLine> batched() {
		List<BookDao.Row> books = this.books.all();
		Set<Long> authorIds = books.stream().map(BookDao.Row::authorId).collect(Collectors.toSet());
		Map<Long, String> authors = this.authors.names(authorIds);
		Map<Long, Integer> reviews = this.reviews.counts(books.stream().map(BookDao.Row::id).toList());
		List<GenreDao.Genre> genres = this.genres.all();
		return books.stream()
			.map((book) -> new BookLine(book.id(), book.title(), authors.get(book.authorId()),
					reviews.getOrDefault(book.id(), 0), genreName(genres, book.genreId())))
			.toList();
	}

	/**
	 * One book's page. The heading comes from a helper that reads the book on its own,
	 * and the details read it again from another line: a duplicate the starter lists with
	 * both lines.
	 */
	Optional<BookPage> page(long id) {
		return this.books.title(id)
			.flatMap((heading) -> this.books.find(id)
				.map((book) -> new BookPage(heading, new BookPage.Details(book.id(), book.title(),
						this.authors.name(book.authorId()), this.tags.names(book.id())))));
	}

	/**
	 * Deliberately naive too: the copies sold of each book, summed per book. Besides the
	 * N+1, each of those statements reads the whole ledger, as no index leads with
	 * {@code sale.book_id}: the starter says so, and names the index.
	 */
	List<BookSales> sales() {
		return this.books.all()
			.stream()
			.map((book) -> new BookSales(book.id(), book.title(), this.sales.copiesSold(book.id())))
			.toList();
	}

	private static String genreName(List<GenreDao.Genre> genres, long id) {
		Map<Long, String> names = genres.stream()
			.collect(Collectors.toMap(GenreDao.Genre::id, GenreDao.Genre::name, (a, b) -> a));
		return names.getOrDefault(id, "");
	}

}
