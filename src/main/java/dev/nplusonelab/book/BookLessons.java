package dev.nplusonelab.book;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.GuideEntry;
import dev.nplusonelab.guide.GuideEntry.Section;
import dev.nplusonelab.store.Bookstore;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.query.PagePlan;

/** What the book pages teach. */
@Configuration(proxyBeanMethods = false)
class BookLessons {

	@Bean
	Technique bookList() {
		return Technique.technique("book-list")
			.order(10)
			.page("/books", "/books")
			.title("Book list: joins, a nullable join, tags and review statistics")
			.problem("A list shows related values for every row, and a lookup per row turns one query into hundreds: "
					+ "here the author, the author's publisher, the category, the editor, the tags and the reviews.")
			.cost(Formula.of(1)
				.plus(6, "N",
						"books on the page: the author, the publisher, the category, the tag links, the tag "
								+ "names and the reviews of each")
				.plus("E", "books with an editor, looked up one by one")
				.plus("P",
						"1 when another page follows: Spring Data JDBC reads one book past the page and loads "
								+ "its tag links"),
					2)
			.listLetters(BookRow.class,
					(page) -> Map.of("N", (long) page.rows().size(), "E",
							page.rows().stream().filter((book) -> book.editorName() != null).count(), "P",
							page.hasNext() ? 1L : 0L))
			.naiveCode(NaiveBookReader.class, "list")
			.optimizedCode(BookQueries.class, "list-view")
			.optimizedCode(OptimizedBookReader.class, "list")
			.django("""
					books = (Book.objects
					    .select_related("author__publisher", "category", "editor")
					    .prefetch_related(Prefetch("tags", queryset=Tag.objects.order_by("name")))
					    .annotate(review_count=Count("reviews"),
					              average_rating=Avg("reviews__rating"))
					    .order_by("id"))[offset:offset + size]""")
			.jpa("""
					// to-one relations: fetch joins (a LEFT JOIN for the nullable editor)
					select b from Book b
					  join fetch b.author a join fetch a.publisher
					  join fetch b.category left join fetch b.editor
					order by b.id
					// tags: @BatchSize(size = 50) on Book.tags, or
					// hibernate.default_batch_fetch_size = 50: one IN (...) per page
					// review count and average: a DTO projection with count() and avg()""")
			.build();
	}

	@Bean
	Technique bookDetail() {
		return Technique.technique("book-detail")
			.order(20)
			.page("/books/{id}", "/books/1")
			.title("Book detail: the five latest reviews, each with its customer")
			.problem("Loading every review of a book to count them and show five, then each reviewer on its own, "
					+ "makes the page slower the more popular the book is.")
			.cost(Formula.of(7)
				.plus("E", "1 when the book has an editor, looked up on its own")
				.plus("R", "reviews shown (at most 5), each reviewer looked up on its own"), 3)
			.letters(BookDetail.class,
					(book) -> Map.of("E", (book.editorName() != null) ? 1L : 0L, "R",
							(long) book.latestReviews().size()))
			.naiveCode(NaiveBookReader.class, "detail")
			.optimizedCode(BookQueries.class, "book-row", "detail-view")
			.optimizedCode(OptimizedBookReader.class, "detail")
			.django("""
					latest = (Review.objects
					    .select_related("customer")
					    .order_by("-created_at", "-id")[:5])
					book = (Book.objects
					    .select_related("author__publisher", "category", "editor")
					    .annotate(review_count=Count("reviews"),
					              average_rating=Avg("reviews__rating"))
					    .prefetch_related(
					        Prefetch("tags", queryset=Tag.objects.order_by("name")),
					        Prefetch("reviews", queryset=latest,
					                 to_attr="latest_reviews"))
					    .get(pk=book_id))
					# A sliced queryset inside Prefetch needs Django 4.2 or later, which
					# then limits per book with a window function (ROW_NUMBER() OVER
					# PARTITION BY book_id); older versions refuse the slice.""")
			.jpa("""
					// to-one relations: fetch joins (a LEFT JOIN for the nullable editor);
					// the tags: @BatchSize on Book.tags, or a second query
					Book book = em.createQuery(
					    "select b from Book b join fetch b.author a join fetch a.publisher "
					    + "join fetch b.category left join fetch b.editor where b.id = :id", Book.class)
					  .setParameter("id", id).getSingleResult();
					// the five latest reviews of ONE book: a separate query with a limit.
					// JPQL has no per-parent limit, so the same for many books at once
					// needs a native query with row_number() over (partition by book_id)
					List<Review> latest = em.createQuery(
					    "select r from Review r join fetch r.customer where r.book.id = :id "
					    + "order by r.createdAt desc, r.id desc", Review.class)
					  .setParameter("id", id).setMaxResults(5).getResultList();""")
			.build();
	}

	@Bean
	GuideEntry chainedJoin() {
		return GuideEntry.entry("select-related-chained", Section.SELECT_RELATED)
			.order(20)
			.title("Chained: book, author, publisher")
			.problem("The publisher's name is two relations away from the book, so a lookup per row costs two "
					+ "statements: the author, then the author's publisher.")
			.django("""
					Book.objects.select_related("author__publisher")""")
			.ourCode(BookQueries.class, "joins")
			.jpa("""
					select b from Book b
					  join fetch b.author a
					  join fetch a.publisher""")
			.shownOn("book-list")
			.saves("author and publisher lookups", "joined into the books statement", Bookstore.BOOK_AUTHOR,
					Bookstore.AUTHOR_PUBLISHER)
			.build();
	}

	@Bean
	GuideEntry severalJoins() {
		return GuideEntry.entry("select-related-several", Section.SELECT_RELATED)
			.order(30)
			.title("Several at once, one of them nullable")
			.problem("A book has a category and maybe an editor; an inner join would drop every book without an "
					+ "editor, so an optional relation must become a LEFT JOIN.")
			.django("""
					Book.objects.select_related("category", "editor")
					# editor is null=True, so Django writes LEFT OUTER JOIN""")
			.ourCode(BookQueries.class, "joins")
			.jpa("""
					select b from Book b
					  join fetch b.category
					  left join fetch b.editor""")
			.shownOn("book-list")
			.saves("category and editor lookups", "joined, the editor with a LEFT JOIN", Bookstore.BOOK_CATEGORY,
					Bookstore.BOOK_EDITOR)
			.build();
	}

	@Bean
	GuideEntry manyToManyPrefetch() {
		return GuideEntry.entry("prefetch-related-many-to-many", Section.PREFETCH_RELATED)
			.order(20)
			.title("Many-to-many: the tags of every book on the page")
			.problem("Tags hang off a link table, so a join would repeat each book once per tag; asking per book "
					+ "costs a statement for the links and another for the names.")
			.django("""
					Book.objects.prefetch_related("tags")
					# one SELECT ... FROM tag JOIN book_tag ... WHERE book_id IN (...)""")
			.ourCode(Bookstore.class, "tag-names")
			.ourCode(BookQueries.class, "tags-prefetch")
			.jpa("""
					@ManyToMany
					@BatchSize(size = 50)   // or hibernate.default_batch_fetch_size=50
					private Set<Tag> tags;""")
			.shownOn("book-list")
			.saves("tag link and tag name loads, book by book", "one statement for the tags of the page",
					Bookstore.BOOK_TAGS)
			.build();
	}

	@Bean
	GuideEntry perParentLimit() {
		return GuideEntry.entry("prefetch-per-parent-limit", Section.PREFETCH)
			.order(50)
			.title("The first few children of each parent, and a join inside the prefetch")
			.problem("Showing the five latest reviews of a book by loading all of its reviews reads hundreds of "
					+ "rows for five, and looking up each reviewer adds one statement per review.")
			.django("""
					latest = Review.objects.select_related("customer").order_by("-created_at", "-id")
					Book.objects.prefetch_related(
					    Prefetch("reviews", queryset=latest[:5], to_attr="latest_reviews"))
					# Django 4.2+ turns the slice into ROW_NUMBER() OVER (PARTITION BY book_id)""")
			.ourCode(BookQueries.class, "latest-reviews")
			.jpa("""
					-- JPQL has no per-parent limit; a native query does it for many books at once
					select * from (
					  select r.*, row_number() over (partition by r.book_id
					                                 order by r.created_at desc, r.id desc) as n
					  from review r where r.book_id in (:ids)) ranked
					where n <= 5""")
			.shownOn("book-detail")
			.saves("loads of the book's reviews and of each reviewer",
					"one statement for the five latest, reviewers joined", Bookstore.BOOK_REVIEWS,
					Bookstore.REVIEW_CUSTOMER)
			.build();
	}

	@Bean
	GuideEntry annotate() {
		return GuideEntry.entry("annotate", Section.ANNOTATE)
			.order(10)
			.title("A count and an average per book")
			.problem("Loading every review of every book on the page to count them and average their ratings "
					+ "moves thousands of rows to compute two numbers per row.")
			.django("""
					Book.objects.annotate(review_count=Count("reviews"),
					                      average_rating=Avg("reviews__rating"))""")
			.ourCode(BookQueries.class, "review-stats")
			.jpa("""
					select new BookStats(b.id, count(r), avg(r.rating))
					from Book b left join b.reviews r
					group by b.id""")
			.shownOn("book-list")
			.saves("review loads, book by book", "counted and averaged in the books statement", Bookstore.BOOK_REVIEWS)
			.build();
	}

	@Bean
	GuideEntry namedPlans() {
		return GuideEntry.entry("manager", Section.MANAGER)
			.order(10)
			.title("One named plan per view: forListView(), forDetailView()")
			.problem("When every caller assembles its own joins and prefetches, the next caller forgets one, and "
					+ "the N+1 comes back in a page nobody measured.")
			.django("""
					class BookQuerySet(models.QuerySet):
					    def for_list_view(self):
					        return (self.select_related("author__publisher", "category", "editor")
					                    .prefetch_related("tags")
					                    .annotate(review_count=Count("reviews")))

					class Book(models.Model):
					    objects = BookQuerySet.as_manager()

					Book.objects.for_list_view()[:50]""")
			.ourCode(BookQueries.class, "named-plans")
			.ourCode(OptimizedBookReader.class, "list")
			.jpa("""
					@NamedEntityGraph(name = "Book.forListView", attributeNodes = {
					    @NamedAttributeNode(value = "author", subgraph = "publisher"),
					    @NamedAttributeNode("category"), @NamedAttributeNode("editor") },
					    subgraphs = @NamedSubgraph(name = "publisher",
					        attributeNodes = @NamedAttributeNode("publisher")))
					// and in the repository:
					@EntityGraph("Book.forListView")
					Slice<Book> findAllBy(Pageable pageable);""")
			.shownOn("book-list")
			.saves("loads of whatever the list view shows, row by row",
					"the named plan's joins, aggregates and its one prefetch", Bookstore.BOOK_AUTHOR,
					Bookstore.AUTHOR_PUBLISHER, Bookstore.BOOK_CATEGORY, Bookstore.BOOK_EDITOR, Bookstore.BOOK_TAGS,
					Bookstore.BOOK_REVIEWS)
			.build();
	}

	/** What the book pages show, for fixes that match their lessons. */
	@Bean
	PagePlan bookListPlan() {
		return PagePlan.of("/books", BookQueries.forListView());
	}

	@Bean
	PagePlan bookDetailPlan() {
		return PagePlan.of("/books/{id}", BookQueries.forDetailView());
	}

}
