package dev.nplusonelab.book;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.Technique;

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

}
