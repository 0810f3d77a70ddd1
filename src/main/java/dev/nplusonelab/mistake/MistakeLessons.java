package dev.nplusonelab.mistake;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.GuideEntry;
import dev.nplusonelab.guide.GuideEntry.Section;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.query.PagePlan;
import dev.nplusonelab.store.Bookstore;

/** What the mistakes gallery teaches. */
@Configuration(proxyBeanMethods = false)
class MistakeLessons {

	@Bean
	Technique filterAfterPrefetch() {
		return Technique.mistake("filter-after-prefetch")
			.order(10)
			.page("/mistakes/filter-after-prefetch", "/mistakes/filter-after-prefetch?size=20")
			.title("Filtering after a prefetch")
			.problem("A prefetch loads every book of the page's authors, then the view asks the repository for each "
					+ "author's recent books: the prefetched rows go unread and each author costs one more query.")
			.cost(Formula.of(2).plus("N", "authors on the page, whose recent books are asked for one by one"), 2)
			.listLetters(AuthorRecentBooks.class, (page) -> Map.of("N", (long) page.rows().size()))
			.naiveCode(MistakeQueries.class, "every-book")
			.naiveCode(NaiveRecentBooksReader.class, "list")
			.optimizedCode(MistakeQueries.class, "recent-books")
			.optimizedCode(OptimizedRecentBooksReader.class, "list")
			.django("""
					# wrong: .filter() on a prefetched relation is a new query per author
					authors = Author.objects.order_by("id").prefetch_related("books")
					for author in authors:
					    recent = author.books.filter(published_on__year__gte=2020)

					# right: filter inside the prefetch, into its own attribute
					authors = Author.objects.order_by("id").prefetch_related(Prefetch(
					    "books",
					    queryset=Book.objects.filter(published_on__year__gte=2020)
					                         .order_by("-published_on", "-id"),
					    to_attr="recent_books"))""")
			.jpa("""
					// Not a WHERE on a JOIN FETCH: Author.books would then hold only the
					// recent books, as if they were all of them, for the rest of the session.
					// A second query for the page's authors, grouped by author id:
					select b from Book b
					where b.author.id in :authorIds and b.publishedOn >= :since
					order by b.publishedOn desc, b.id desc
					// or a Hibernate @Filter on Author.books, enabled for this session""")
			.build();
	}

	@Bean
	Technique overPrefetching() {
		return Technique.mistake("over-prefetching")
			.order(30)
			.page("/mistakes/over-prefetching", "/mistakes/over-prefetching?size=20")
			.title("Over-prefetching: loading what the page never shows")
			.problem("A list of titles and authors reuses the plan of a detail page and reads every book column, "
					+ "four joined tables, every tag and every review: few statements, but most of the bytes are "
					+ "thrown away.")
			.cost(Formula.constant(3), 1)
			.naiveCode(MistakeQueries.class, "everything")
			.naiveCode(NaiveBylineReader.class, "list")
			.optimizedCode(MistakeQueries.class, "byline")
			.optimizedCode(OptimizedBylineReader.class, "list")
			.django("""
					# wrong: everything, just in case
					Book.objects.select_related("author__publisher", "category", "editor")
					            .prefetch_related("tags", Prefetch(
					                "reviews", queryset=Review.objects.select_related("customer")))

					# right: only what a line shows
					books = (Book.objects.select_related("author")
					         .only("id", "title", "author__name")
					         .order_by("id"))""")
			.jpa("""
					// a DTO projection instead of entities with a wide entity graph
					select new BookByline(b.id, b.title, a.name)
					from Book b join b.author a
					order by b.id""")
			.build();
	}

	@Bean
	Technique deferredColumn() {
		return Technique.mistake("deferred-column")
			.order(40)
			.page("/mistakes/deferred-column", "/mistakes/deferred-column?size=20")
			.title("A deferred column the page reads anyway")
			.problem("A projection leaves out the summary to keep the query small, and the template then shows it: "
					+ "one more query per row, run while the page renders, where the Java code does not show it.")
			.cost(Formula.of(1).plus("N", "books on the page, whose summary the template reads one by one"), 1)
			.listLetters(Blurb.class, (page) -> Map.of("N", (long) page.rows().size()))
			.naiveCode(MistakeQueries.class, "titles-only")
			.naiveCode(NaiveBlurbReader.class, "list")
			.optimizedCode(MistakeQueries.class, "with-summary")
			.optimizedCode(OptimizedBlurbReader.class, "list")
			.django("""
					# wrong: the summary is deferred, then the template reads it
					books = Book.objects.only("id", "title").order_by("id")
					# {{ book.summary }} in the loop: one query per book

					# right: leave out only what the page does not show
					books = Book.objects.defer("content").order_by("id")
					# or .only("id", "title", "summary")""")
			.jpa("""
					// A lazy basic attribute (@Basic(fetch = LAZY)) needs bytecode
					// enhancement, and is loaded with a query of its own on first read.
					// A DTO projection avoids the question:
					select new BookBlurb(b.id, b.title, b.summary)
					from Book b order by b.id""")
			.build();
	}

	@Bean
	Technique countByLoading() {
		return Technique.mistake("count-by-loading")
			.order(50)
			.page("/mistakes/count-by-loading", "/mistakes/count-by-loading?page=5&size=10")
			.title("Counting by loading")
			.problem("Loading each author's books and each book's reviews only to call size() on the lists runs "
					+ "statements per author and per book, and reads every column of thousands of rows to "
					+ "produce two numbers.")
			.cost(Formula.of(1)
				.plus("N", "authors on the page, whose books are loaded to be counted")
				.plus(2, "B", "books of those authors: the reviews and the tag links of each, loaded to be counted"), 1)
			.listLetters(AuthorTally.class,
					(page) -> Map.of("N", (long) page.rows().size(), "B",
							page.rows().stream().mapToLong(AuthorTally::bookCount).sum()))
			.naiveCode(NaiveTallyReader.class, "list")
			.optimizedCode(MistakeQueries.class, "tallies")
			.optimizedCode(OptimizedTallyReader.class, "list")
			.django("""
					# wrong: len(author.books.all()) and len(book.reviews.all()) per book
					# right: the database counts
					authors = (Author.objects.order_by("id")
					           .annotate(book_count=Count("books", distinct=True),
					                     review_count=Count("books__reviews")))""")
			.jpa("""
					select a.id, a.name, size(a.books),
					       (select count(r) from Review r where r.book.author = a)
					from Author a
					order by a.id
					// or: select a, count(b) from Author a left join a.books b group by a""")
			.build();
	}

	@Bean
	Technique batchTooSmall() {
		return Technique.mistake("batch-too-small")
			.order(60)
			.page("/mistakes/batch-too-small", "/mistakes/batch-too-small?size=50")
			.title("A batch too small for the list")
			.problem("The tags are loaded in batches, the fix for an N+1, but ten books per statement: a page of "
					+ "fifty sends five. A batch only removes the N+1 up to its size; past it, every ten rows cost "
					+ "one more round trip. The panel calls it batch+1.")
			.cost(Formula.of(1).plus("C", "chunks of ten books on the page (N / 10, rounded up), one = ANY(?) each"), 2)
			.listLetters(TaggedBook.class,
					(page) -> Map.of("C",
							(page.rows().size() + NaiveChunkedTagsReader.CHUNK - 1L) / NaiveChunkedTagsReader.CHUNK))
			.naiveCode(MistakeQueries.class, "book-titles")
			.naiveCode(NaiveChunkedTagsReader.class, "list")
			.optimizedCode(MistakeQueries.class, "tagged-books")
			.optimizedCode(OptimizedTaggedBooksReader.class, "list")
			.django("""
					# wrong: the page's ids in slices of ten, one query per slice
					for chunk in itertools.batched(ids, 10):
					    links = BookTag.objects.filter(book_id__in=chunk).select_related("tag")

					# right: prefetch_related sends one IN with every id of the page
					books = Book.objects.order_by("id").prefetch_related("tags")""")
			.jpa("""
					// Hibernate's batch fetching with a batch smaller than the page:
					// default_batch_fetch_size=10 sends five statements for fifty books.
					// A batch size of at least the page, or one query for all its ids:
					@BatchSize(size = 50) on Book.tags
					select b from Book b left join fetch b.tags where b.id in :ids""")
			.build();
	}

	@Bean
	Technique lookupsPerRow() {
		return Technique.mistake("lookups-per-row")
			.order(70)
			.page("/mistakes/lookups-per-row", "/mistakes/lookups-per-row?size=20")
			.title("Three lookups per row: one loop")
			.problem("For each book the page asks for its author, its category and its review count: three "
					+ "statements per row, always in the same order. They are not three problems but one loop, and "
					+ "the panel reports them as one finding with one fix: read the page with its joins and its "
					+ "count.")
			.cost(Formula.of(1).plus(3, "N", "books on the page, each with its author, category and reviews looked up"),
					1)
			.listLetters(BookCredits.class, (page) -> Map.of("N", (long) page.rows().size()))
			.naiveCode(MistakeQueries.class, "book-keys")
			.naiveCode(NaiveCreditsReader.class, "list")
			.optimizedCode(MistakeQueries.class, "credits")
			.optimizedCode(OptimizedCreditsReader.class, "list")
			.django("""
					# wrong: three queries per book
					for book in Book.objects.order_by("id"):
					    author = Author.objects.get(pk=book.author_id)
					    category = Category.objects.get(pk=book.category_id)
					    reviews = Review.objects.filter(book=book).count()

					# right: one query
					books = (Book.objects.order_by("id")
					         .select_related("author", "category")
					         .annotate(review_count=Count("reviews")))""")
			.jpa("""
					select new BookCredits(b.id, b.title, a.name, c.name,
					       (select count(r) from Review r where r.book = b))
					from Book b join b.author a join b.category c
					order by b.id""")
			.build();
	}

	@Bean
	GuideEntry toAttribute() {
		return GuideEntry.entry("prefetch-to-attr", Section.PREFETCH)
			.order(20)
			.title("A prefetch into a named attribute")
			.problem("A filtered prefetch put back into the relation itself would look like all of the children; "
					+ "under its own name (recentBooks) it says what it holds, and the view reads it without a "
					+ "query.")
			.django("""
					Author.objects.prefetch_related(Prefetch(
					    "books",
					    queryset=Book.objects.filter(published_on__year__gte=2020),
					    to_attr="recent_books"))""")
			.ourCode(MistakeQueries.class, "recent-books")
			.jpa("""
					// a DTO per author with its own list, filled from one query:
					Map<Long, List<BookLine>> recent = em.createQuery(
					    "select new BookLine(b.author.id, b.id, b.title) from Book b "
					    + "where b.author.id in :ids and b.publishedOn >= :since", BookLine.class)
					  .setParameter("ids", ids).setParameter("since", since)
					  .getResultStream().collect(groupingBy(BookLine::authorId));""")
			.shownOn("filter-after-prefetch")
			.saves("loads of the authors' books", "one filtered prefetch into recentBooks", Bookstore.AUTHOR_BOOKS)
			.build();
	}

	@Bean
	GuideEntry onlyTheColumnsShown() {
		return GuideEntry.entry("only-defer", Section.COLUMNS)
			.order(10)
			.title("A list of titles reads titles, not contents")
			.problem("A list that shows a title and an author but selects every column moves each book's large "
					+ "content over the wire, row after row, to throw it away.")
			.django("""
					Book.objects.select_related("author").only("id", "title", "author__name")
					# or .defer("content", "summary"); touching a deferred field later
					# costs one query per row""")
			.ourCode(MistakeQueries.class, "byline")
			.jpa("""
					// JPA loads basic columns eagerly; project to a DTO instead:
					select new Byline(b.id, b.title, a.name)
					from Book b join b.author a""")
			.shownOn("over-prefetching")
			.saves("loads of tags and reviews the list never shows", "not loaded at all", Bookstore.BOOK_TAGS,
					Bookstore.BOOK_REVIEWS)
			.build();
	}

	/**
	 * What the mistake pages show when done right, for fixes that match their lessons.
	 */
	@Bean
	PagePlan filterAfterPrefetchPlan() {
		return PagePlan.of("/mistakes/filter-after-prefetch", MistakeQueries.authorsWithRecentBooks());
	}

	@Bean
	PagePlan overPrefetchingPlan() {
		return PagePlan.of("/mistakes/over-prefetching", MistakeQueries.bylines());
	}

	@Bean
	PagePlan deferredColumnPlan() {
		return PagePlan.of("/mistakes/deferred-column", MistakeQueries.blurbs());
	}

	@Bean
	PagePlan batchTooSmallPlan() {
		return PagePlan.of("/mistakes/batch-too-small", MistakeQueries.taggedBooks());
	}

	@Bean
	PagePlan lookupsPerRowPlan() {
		return PagePlan.of("/mistakes/lookups-per-row", MistakeQueries.bookCredits());
	}

	@Bean
	PagePlan countByLoadingPlan() {
		return PagePlan.of("/mistakes/count-by-loading", MistakeQueries.authorTallies());
	}

}
