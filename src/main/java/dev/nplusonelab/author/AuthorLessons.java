package dev.nplusonelab.author;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.nplusonelab.guide.Formula;
import dev.nplusonelab.guide.GuideEntry;
import dev.nplusonelab.guide.GuideEntry.Section;
import dev.nplusonelab.guide.Technique;
import dev.nplusonelab.query.PagePlan;
import dev.nplusonelab.store.Bookstore;

/** What the author pages teach. */
@Configuration(proxyBeanMethods = false)
class AuthorLessons {

	@Bean
	Technique authorList() {
		return Technique.technique("author-list")
			.order(30)
			.page("/authors", "/authors")
			.title("Author list: aggregates, a subquery and a limited prefetch")
			.problem("Counting an author's books by loading them, and asking for the rating and the newest titles "
					+ "author by author, costs a statement per author, and Spring Data JDBC adds one per book it loads.")
			.cost(Formula.of(1)
				.plus(3, "N", "authors on the page: the publisher, the books and the reviews of each")
				.plus("B", "books of those authors, whose tag links Spring Data JDBC loads one book at a time"), 2)
			.listLetters(AuthorRow.class,
					(page) -> Map.of("N", (long) page.rows().size(), "B",
							page.rows().stream().mapToLong(AuthorRow::bookCount).sum()))
			.naiveCode(NaiveAuthorReader.class, "list")
			.optimizedCode(AuthorQueries.class, "list-view")
			.optimizedCode(OptimizedAuthorReader.class, "list")
			.django("""
					latest = Book.objects.filter(author=OuterRef("pk")).order_by("-published_on", "-id")
					authors = (Author.objects
					    .select_related("publisher")
					    .annotate(book_count=Count("books", distinct=True),
					              average_rating=Avg("books__reviews__rating"),
					              latest_book_title=Subquery(latest.values("title")[:1]))
					    .prefetch_related(Prefetch(
					        "books",
					        queryset=Book.objects.order_by("-published_on", "-id"),
					        to_attr="all_books")))   # Django has no per-parent LIMIT
					                                 # before 4.2; then: a window function""")
			.jpa("""
					// counts and subqueries: a DTO projection
					select new AuthorRow(a.id, a.name, p.name,
					    (select count(b) from Book b where b.author = a),
					    (select avg(r.rating) from Review r where r.book.author = a))
					from Author a join a.publisher p order by a.id
					// the three latest books per author: a native query with
					// row_number() over (partition by author_id ...), JPA has no per-parent limit""")
			.build();
	}

	@Bean
	Technique authorDetail() {
		return Technique.technique("author-detail")
			.order(40)
			.page("/authors/{id}", "/authors/2")
			.title("One author: a reverse-FK prefetch with tags gathered per book")
			.problem("Showing an author's books with their tags makes two statements per book when each book loads "
					+ "its own tag links and then its tag names.")
			.cost(Formula.of(3).plus(2, "B", "books of the author: the tag links and the tag names of each"), 2)
			.letters(AuthorDetail.class, (author) -> Map.of("B", (long) author.books().size()))
			.naiveCode(NaiveAuthorReader.class, "detail")
			.optimizedCode(AuthorQueries.class, "detail-view")
			.optimizedCode(OptimizedAuthorReader.class, "detail")
			.django("""
					author = (Author.objects
					    .select_related("publisher")
					    .prefetch_related(Prefetch(
					        "books",
					        queryset=Book.objects.order_by("-published_on", "-id")
					                             .prefetch_related("tags")))
					    .get(pk=author_id))       # 3 queries: author, books, tags""")
			.jpa("""
					Author author = em.createQuery(
					    "select a from Author a join fetch a.publisher where a.id = :id", Author.class)
					  .setParameter("id", id).getSingleResult();
					List<Book> books = em.createQuery(
					    "select distinct b from Book b left join fetch b.tags "
					    + "where b.author.id = :id order by b.publishedOn desc", Book.class)
					  .setParameter("id", id).getResultList();""")
			.build();
	}

	@Bean
	GuideEntry reverseForeignKeyPrefetch() {
		return GuideEntry.entry("prefetch-related-reverse-fk", Section.PREFETCH_RELATED)
			.order(10)
			.title("Reverse foreign key: an author's books")
			.problem("The books point at the author, not the other way round; loading them author by author, or "
					+ "their tags book by book, costs a statement per parent.")
			.django("""
					Author.objects.prefetch_related("books")""")
			.ourCode(AuthorQueries.class, "author-books")
			.jpa("""
					@OneToMany(mappedBy = "author")
					@BatchSize(size = 50)
					private List<Book> books;""")
			.shownOn("author-detail")
			.saves("loads of the books, and of their tag links and names book by book",
					"one statement for the books with their tags", Bookstore.AUTHOR_BOOKS, Bookstore.BOOK_TAGS)
			.build();
	}

	@Bean
	GuideEntry subquery() {
		return GuideEntry.entry("subquery", Section.SUBQUERY)
			.order(10)
			.title("The title of each author's latest book")
			.problem("One value from one related row (the newest book's title) does not need the books loaded: a "
					+ "correlated subquery returns it as a column of the author's row.")
			.django("""
					latest = (Book.objects.filter(author=OuterRef("pk"))
					          .order_by("-published_on", "-id"))
					Author.objects.annotate(
					    latest_book_title=Subquery(latest.values("title")[:1]))""")
			.ourCode(AuthorQueries.class, "latest-title")
			.jpa("""
					select a.id, a.name,
					       (select b.title from Book b where b.author = a
					        order by b.publishedOn desc, b.id desc
					        fetch first 1 row only)
					from Author a""")
			.shownOn("author-list")
			.saves("book loads, author by author, to read one title",
					"a subquery column; what is left is the prefetch of the three latest books", Bookstore.AUTHOR_BOOKS)
			.build();
	}

	/** What the author pages show, for fixes that match their lessons. */
	@Bean
	PagePlan authorListPlan() {
		return PagePlan.of("/authors", AuthorQueries.forListView());
	}

	@Bean
	PagePlan authorDetailPlan() {
		return PagePlan.of("/authors/{id}", AuthorQueries.forDetailView());
	}

}
