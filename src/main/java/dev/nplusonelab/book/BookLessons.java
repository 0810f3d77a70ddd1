package dev.nplusonelab.book;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
			.cost("1 + 6N + E", "2")
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

}
