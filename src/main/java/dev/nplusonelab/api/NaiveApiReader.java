package dev.nplusonelab.api;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.api.AuthorJson.BookRef;
import dev.nplusonelab.api.BookJson.AuthorRef;
import dev.nplusonelab.store.Author;
import dev.nplusonelab.store.AuthorRepository;
import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.BookTag;
import dev.nplusonelab.store.Lazy;
import dev.nplusonelab.store.PublisherRepository;
import dev.nplusonelab.store.ReviewRepository;
import dev.nplusonelab.store.Tag;
import dev.nplusonelab.store.TagRepository;
import dev.nplusonelab.system.ListPage;
import dev.nplusonelab.system.Paging;

/**
 * DELIBERATE ANTI-PATTERN: the JSON API as a nested serializer over lazy relations
 * (Django REST Framework's nested serializer without {@code prefetch_related}, or Jackson
 * walking JPA entities). The reader returns after one statement; every related value is a
 * {@link Lazy} loader that runs when Jackson reaches it, while the response is written
 * and after the controller returned, so nothing in the controller shows the cost.
 * <ul>
 * <li>{@code /api/books}: {@code 1 + 4N + L}. The page of books, and Spring Data JDBC
 * loads each book's tag links (N), also for the row it reads past the page to answer
 * {@code hasNext} (L, 1 when another page follows); then, while writing, the author, the
 * tag names and a review count per book (3N).</li>
 * <li>{@code /api/books/{id}}: 5. The book and its tag links, then the author, the tag
 * names and the review count.</li>
 * <li>{@code /api/authors}: {@code 1 + 2N + B}. The page of authors; then, while writing,
 * the publisher and the books of each author (2N), and Spring Data JDBC loads the tag
 * links of each of the B books it reads, although the JSON shows no tags.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class NaiveApiReader implements ApiReader {

	private final BookRepository books;

	private final AuthorRepository authors;

	private final PublisherRepository publishers;

	private final TagRepository tags;

	private final ReviewRepository reviews;

	NaiveApiReader(BookRepository books, AuthorRepository authors, PublisherRepository publishers, TagRepository tags,
			ReviewRepository reviews) {
		this.books = books;
		this.authors = authors;
		this.publishers = publishers;
		this.tags = tags;
		this.reviews = reviews;
	}

	// tag::books[]
	@Override
	public ListPage<BookJson> books(Paging paging) {
		Slice<Book> page = this.books.findAllBy(paging.pageable(Sort.by("id")));
		return ListPage.of(page.map(this::bookJson), paging);
	}

	@Override
	public Optional<BookJson> book(long id) {
		return this.books.findById(id).map(this::bookJson);
	}

	/** Like a serializer with a nested author, a tag list and a count method field. */
	private BookJson bookJson(Book book) {
		return new BookJson(book.id(), book.title(), Lazy.loading(() -> author(book)),
				Lazy.loading(() -> tagNames(book)), Lazy.loading(() -> this.reviews.countByBookId(book.id())));
	}

	private AuthorRef author(Book book) {
		Author author = this.authors.findById(book.author().getId()).orElseThrow();
		return new AuthorRef(author.id(), author.name());
	}

	private List<String> tagNames(Book book) {
		List<Long> ids = book.tags().stream().map(BookTag::tag).map((tag) -> tag.getId()).toList();
		return this.tags.findAllById(ids).stream().map(Tag::name).sorted().toList();
	}
	// end::books[]

	// tag::authors[]
	@Override
	public ListPage<AuthorJson> authors(Paging paging) {
		Slice<Author> page = this.authors.findAllBy(paging.pageable(Sort.by("id")));
		return ListPage.of(page.map(this::authorJson), paging);
	}

	/** Like a serializer with a nested publisher and a nested list of books. */
	private AuthorJson authorJson(Author author) {
		return new AuthorJson(author.id(), author.name(),
				Lazy.loading(() -> this.publishers.findById(author.publisher().getId()).orElseThrow().name()),
				Lazy.loading(() -> this.books.findByAuthorId(author.id())
					.stream()
					.map((book) -> new BookRef(book.id(), book.title(), book.publishedOn()))
					.toList()));
	}
	// end::authors[]

}
