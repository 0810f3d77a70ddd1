package dev.nplusonelab.api;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.query.PagePlan;

/**
 * What the API teaches. The page lives with the other mistakes
 * ({@code /mistakes/serializer}); the lesson is declared here, next to the code it shows.
 */
@Configuration(proxyBeanMethods = false)
class ApiLessons {

	@Bean
	Technique serializerMistake() {
		return Technique.mistake("serializer")
			.order(20)
			.page("/mistakes/serializer", "/mistakes/serializer")
			.title("Serializer: nested JSON that loads its relations while it is written")
			.problem("A JSON response that nests related records looks like one query in the controller, but the "
					+ "serializer loads every nested value on its own while it writes, after the controller returned.")
			.cost(Formula.of(1)
				.plus(2, "N",
						"authors in the payload: the publisher and the books of each, loaded while Jackson "
								+ "writes them")
				.plus("B", "books of those authors, whose tag links Spring Data JDBC loads one book at a time"), 2)
			.letters(PageJson.class,
					(payload) -> Map.of("N", (long) payload.items().size(), "B",
							((PageJson<?>) payload).items()
								.stream()
								.map(AuthorJson.class::cast)
								.mapToLong((author) -> author.books().get().size())
								.sum()))
			.naiveCode(NaiveApiReader.class, "authors")
			.optimizedCode(ApiQueries.class, "authors")
			.optimizedCode(OptimizedApiReader.class, "authors")
			.django("""
					class BookSerializer(serializers.ModelSerializer):
					    class Meta:
					        model = Book
					        fields = ["id", "title", "published_on"]

					class AuthorSerializer(serializers.ModelSerializer):
					    publisher = serializers.CharField(source="publisher.name")
					    books = BookSerializer(many=True)      # author.books.all()
					    class Meta:
					        model = Author
					        fields = ["id", "name", "publisher", "books"]

					class AuthorViewSet(viewsets.ReadOnlyModelViewSet):
					    serializer_class = AuthorSerializer
					    # Without the next two lines every author costs two more
					    # queries, run while the response is rendered.
					    queryset = (Author.objects
					        .select_related("publisher")
					        .prefetch_related(Prefetch(
					            "books",
					            queryset=Book.objects.order_by("-published_on", "-id")))
					        .order_by("id"))""")
			.jpa("""
					// Returning entities lets Jackson walk their lazy associations:
					// with open-in-view (Spring Boot's default) each one is a query
					// during serialization; without it, a LazyInitializationException.
					// Return DTOs filled before the controller returns instead:
					List<Author> page = em.createQuery(
					    "select a from Author a join fetch a.publisher order by a.id", Author.class)
					  .setFirstResult(offset).setMaxResults(size).getResultList();
					// the books in one more query; a collection fetch join with
					// setMaxResults would page in memory (HHH90003004)
					List<Book> books = em.createQuery(
					    "select b from Book b where b.author in :authors "
					    + "order by b.publishedOn desc, b.id desc", Book.class)
					  .setParameter("authors", page).getResultList();""")
			.build();
	}

	/**
	 * What the JSON endpoints and the serializer mistake show, for fixes that match their
	 * lessons.
	 */
	@Bean
	PagePlan apiBooksPlan() {
		return PagePlan.of("/api/books", ApiQueries.forBookPage());
	}

	@Bean
	PagePlan apiBookPlan() {
		return PagePlan.of("/api/books/{id}", ApiQueries.forOneBook());
	}

	@Bean
	PagePlan apiAuthorsPlan() {
		return PagePlan.of("/api/authors", ApiQueries.forAuthorPage());
	}

	@Bean
	PagePlan serializerMistakePlan() {
		return PagePlan.of("/mistakes/serializer", ApiQueries.forAuthorPage());
	}

}
