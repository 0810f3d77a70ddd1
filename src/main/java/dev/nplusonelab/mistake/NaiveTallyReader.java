package dev.nplusonelab.mistake;

import java.util.List;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.store.Author;
import dev.nplusonelab.store.AuthorRepository;
import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.ReviewRepository;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: counting rows by loading them and calling {@code size()}. For
 * N authors who wrote B books between them it runs {@code 1 + N + 2B} statements: the
 * page of authors (1), each author's books (N), the tag links Spring Data JDBC loads for
 * each book because the aggregate owns them (B), and each book's reviews (B). Every
 * column comes along, the large {@code content} of each book and the text of each review,
 * to produce two numbers per author.
 */
@Component
@Transactional(readOnly = true)
class NaiveTallyReader implements MistakeReader<AuthorTally> {

	private final AuthorRepository authors;

	private final BookRepository books;

	private final ReviewRepository reviews;

	NaiveTallyReader(AuthorRepository authors, BookRepository books, ReviewRepository reviews) {
		this.authors = authors;
		this.books = books;
		this.reviews = reviews;
	}

	// tag::list[]
	@Override
	public ListPage<AuthorTally> list(Paging paging) {
		Slice<Author> page = this.authors.findAllBy(paging.pageable(Sort.by("id")));
		return ListPage.of(page.map(this::tally), paging);
	}

	private AuthorTally tally(Author author) {
		List<Book> written = this.books.findByAuthorId(author.id());
		long reviewCount = written.stream().mapToLong((book) -> this.reviews.findByBookId(book.id()).size()).sum();
		return new AuthorTally(author.id(), author.name(), written.size(), reviewCount);
	}
	// end::list[]

}
