package dev.nplusonelab.author;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.author.AuthorDetail.AuthorBook;
import dev.nplusonelab.author.AuthorRow.BookLine;
import dev.nplusonelab.store.Author;
import dev.nplusonelab.store.AuthorRepository;
import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.BookTag;
import dev.nplusonelab.store.PublisherRepository;
import dev.nplusonelab.store.ReviewRepository;
import dev.nplusonelab.store.Tag;
import dev.nplusonelab.store.TagRepository;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: the author pages written the way a first version often is,
 * with repository calls per author.
 * <ul>
 * <li>The list runs {@code 1 + 3N + B} statements: the page of authors, then per author
 * the publisher, every book (to count them and pick the latest: {@code size()} and
 * {@code get(0)} of a loaded collection) and the average rating; and Spring Data JDBC
 * loads the tag links of each of the B books it reads, because a book aggregate owns
 * them.</li>
 * <li>The detail runs {@code 3 + 2B}: author, publisher, books, then the tag links and
 * the tag names of each book.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class NaiveAuthorReader implements AuthorReader {

	private static final int LATEST = 3;

	private final AuthorRepository authors;

	private final PublisherRepository publishers;

	private final BookRepository books;

	private final ReviewRepository reviews;

	private final TagRepository tags;

	NaiveAuthorReader(AuthorRepository authors, PublisherRepository publishers, BookRepository books,
			ReviewRepository reviews, TagRepository tags) {
		this.authors = authors;
		this.publishers = publishers;
		this.books = books;
		this.reviews = reviews;
		this.tags = tags;
	}

	// tag::list[]
	@Override
	public ListPage<AuthorRow> list(Paging paging) {
		Slice<Author> page = this.authors.findAllBy(paging.pageable(Sort.by("id")));
		return ListPage.of(page.map(this::row), paging);
	}

	private AuthorRow row(Author author) {
		String publisher = this.publishers.findById(author.publisher().getId()).orElseThrow().name();
		// Every book of the author, newest first, with its tag links: only to count them
		// and take three.
		List<Book> written = this.books.findByAuthorId(author.id());
		BigDecimal rating = this.reviews.averageRatingOfAuthor(author.id());
		List<BookLine> latest = written.stream()
			.limit(LATEST)
			.map((book) -> new BookLine(book.id(), book.title(), book.publishedOn()))
			.toList();
		String latestTitle = written.isEmpty() ? null : written.get(0).title();
		return new AuthorRow(author.id(), author.name(), publisher, written.size(), rating, latestTitle, latest);
	}
	// end::list[]

	// tag::detail[]
	@Override
	public Optional<AuthorDetail> detail(long id) {
		return this.authors.findById(id).map((author) -> {
			String publisher = this.publishers.findById(author.publisher().getId()).orElseThrow().name();
			List<AuthorBook> written = this.books.findByAuthorId(id).stream().map(this::withTags).toList();
			return new AuthorDetail(author.id(), author.name(), author.bio(), author.bornOn(), publisher, written);
		});
	}

	private AuthorBook withTags(Book book) {
		List<Long> tagIds = book.tags().stream().map(BookTag::tag).map((tag) -> tag.getId()).toList();
		List<String> names = this.tags.findAllById(tagIds).stream().map(Tag::name).sorted().toList();
		return new AuthorBook(book.id(), book.title(), book.publishedOn(), book.price(), names);
	}
	// end::detail[]

}
