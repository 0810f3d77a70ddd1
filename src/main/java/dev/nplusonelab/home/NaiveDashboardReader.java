package dev.nplusonelab.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.nplusonelab.home.Dashboard.LatestReview;
import dev.nplusonelab.home.Dashboard.NewBook;
import dev.nplusonelab.home.Dashboard.RecentOrder;
import dev.nplusonelab.home.Dashboard.BestSeller;
import dev.nplusonelab.store.Author;
import dev.nplusonelab.store.AuthorRepository;
import dev.nplusonelab.store.Book;
import dev.nplusonelab.store.BookRepository;
import dev.nplusonelab.store.BookTag;
import dev.nplusonelab.store.CustomerRepository;
import dev.nplusonelab.store.Lazy;
import dev.nplusonelab.store.OrderItem;
import dev.nplusonelab.store.PublisherRepository;
import dev.nplusonelab.store.PurchaseOrder;
import dev.nplusonelab.store.Review;
import dev.nplusonelab.store.ReviewRepository;
import dev.nplusonelab.store.Tag;
import dev.nplusonelab.store.TagRepository;

/**
 * DELIBERATE ANTI-PATTERN: a dashboard of four short lists, each written the first way
 * that comes to mind. No single list looks expensive; the page runs hundreds of
 * statements.
 * <ul>
 * <li>new books (B = 20): the books and their tag links (1 + B), then per book the
 * author, the publisher (from the template), the tag names and every review to average
 * them (4B);</li>
 * <li>best sellers (S = 20): the books and their tag links (1 + S), then per book the
 * author and the publisher (2S);</li>
 * <li>recent orders (O = 15): the orders and their items (1 + O), then per order the
 * customer (O) and per item its book with its tag links (2I);</li>
 * <li>latest reviews (R = 20): the reviews (1), then per review the book with its tag
 * links and the customer (3R).</li>
 * </ul>
 * In all {@code 4 + 5B + 3S + 2O + 2I + 3R} statements.
 */
@Component
@Transactional(readOnly = true)
class NaiveDashboardReader implements DashboardReader {

	private final HomeRepository home;

	private final BookRepository books;

	private final AuthorRepository authors;

	private final PublisherRepository publishers;

	private final TagRepository tags;

	private final ReviewRepository reviews;

	private final CustomerRepository customers;

	NaiveDashboardReader(HomeRepository home, BookRepository books, AuthorRepository authors,
			PublisherRepository publishers, TagRepository tags, ReviewRepository reviews,
			CustomerRepository customers) {
		this.home = home;
		this.books = books;
		this.authors = authors;
		this.publishers = publishers;
		this.tags = tags;
		this.reviews = reviews;
		this.customers = customers;
	}

	// tag::dashboard[]
	@Override
	public Dashboard read() {
		List<NewBook> newBooks = this.home.newestBooks(NEW_BOOKS).stream().map(this::newBook).toList();
		List<BestSeller> bestSellers = this.home.bestSellingBooks(BEST_SELLERS).stream().map(this::bestSeller).toList();
		List<RecentOrder> orders = this.home.newestOrders(RECENT_ORDERS).stream().map(this::recentOrder).toList();
		List<LatestReview> latest = this.home.newestReviews(LATEST_REVIEWS).stream().map(this::latestReview).toList();
		return new Dashboard(newBooks, bestSellers, orders, latest);
	}

	private NewBook newBook(Book book) {
		Author author = this.authors.findById(book.author().getId()).orElseThrow();
		Lazy<String> publisher = Lazy
			.loading(() -> this.publishers.findById(author.publisher().getId()).orElseThrow().name());
		List<Long> tagIds = book.tags().stream().map(BookTag::tag).map((tag) -> tag.getId()).toList();
		List<String> tagNames = this.tags.findAllById(tagIds).stream().map(Tag::name).sorted().toList();
		List<Review> bookReviews = this.reviews.findByBookId(book.id());
		return new NewBook(book.id(), book.title(), author.id(), author.name(), publisher, tagNames,
				average(bookReviews));
	}

	private BestSeller bestSeller(Book book) {
		Author author = this.authors.findById(book.author().getId()).orElseThrow();
		String publisher = this.publishers.findById(author.publisher().getId()).orElseThrow().name();
		return new BestSeller(book.id(), book.title(), author.id(), author.name(), publisher, book.sales());
	}

	private RecentOrder recentOrder(PurchaseOrder order) {
		String customer = this.customers.findById(order.customer().getId()).orElseThrow().name();
		List<String> titles = order.items()
			.stream()
			.sorted(Comparator.comparing(OrderItem::id))
			.map((item) -> this.books.findById(item.book().getId()).orElseThrow().title())
			.toList();
		return new RecentOrder(order.id(), order.createdAt(), order.customer().getId(), customer, titles,
				order.total());
	}

	private LatestReview latestReview(Review review) {
		Book book = this.books.findById(review.book().getId()).orElseThrow();
		String customer = this.customers.findById(review.customer().getId()).orElseThrow().name();
		return new LatestReview(review.id(), review.rating(), book.id(), book.title(), customer, review.createdAt());
	}
	// end::dashboard[]

	private static BigDecimal average(List<Review> reviews) {
		if (reviews.isEmpty()) {
			return null;
		}
		int sum = reviews.stream().mapToInt(Review::rating).sum();
		return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(reviews.size()), 2, RoundingMode.HALF_UP);
	}

}
