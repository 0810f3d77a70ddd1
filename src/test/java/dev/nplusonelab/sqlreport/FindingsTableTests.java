package dev.nplusonelab.sqlreport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.capture.RequestReport;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.LabTest;
import dev.nplusonelab.Pages;
import dev.nplusonelab.system.Mode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every finding of every naive page, and its fix, written out and reviewed against the
 * naive code that issued the statements, the relation metadata in {@code Bookstore} and
 * the page's own lesson, its optimized plan: children a page only counts are annotated,
 * not prefetched, and what comes with an aggregate but is never shown is not loaded. A
 * finding that changes, appears or disappears, or a suggestion that names another
 * relation, fails the build.
 */
@LabTest
class FindingsTableTests {

	/**
	 * Per page (a line starting with {@code /}), its findings: kind | call site's file |
	 * the table the statement reads (for large values, with the column they were read
	 * from) | the suggestion, {@code -} for none. {@code n ×} repeats a row n times (one
	 * finding per call site; for large values, per statement, call site and column,
	 * however many times it ran); {@code LOOP OF n >} marks a potential N+1 that is one
	 * of the n lookups of a loop finding, which run together once per row of one list;
	 * lines starting with {@code #} say why a fix is the right one.
	 */
	private static final String NAIVE_FINDINGS = """
			/
			# recentOrder: each item's book. The items are the order's to-many (order.items), the book a
			# to-one of order_item: a join inside the items prefetch, as the dashboard's plan does.
			LOOP OF 2 > N_PLUS_ONE | NaiveDashboardReader.java | book       | prefetch order.items with join orderItem.book (Prefetch.of(ORDER_ITEMS, …).join(ORDER_ITEM_BOOK))
			# ... and the tag links Spring Data JDBC loads with each of those Book aggregates: the dashboard
			# shows only the titles of an order's books, so the fix is the same join, not their tags.
			LOOP OF 2 > N_PLUS_ONE | NaiveDashboardReader.java | book_tag   | the page shows no book.tags: they come with each book aggregate the code loads; prefetch order.items with join orderItem.book instead (Prefetch.of(ORDER_ITEMS, …).join(ORDER_ITEM_BOOK))
			# The newest books show their tags: their tag links and names are prefetched.
			N_PLUS_ONE       | NaiveDashboardReader.java | book_tag   | prefetch book.tags (Prefetch.of(BOOK_TAGS, …))
			LOOP OF 3 > N_PLUS_ONE | NaiveDashboardReader.java | tag        | prefetch book.tags (Prefetch.of(BOOK_TAGS, …))
			# newBook and bestSeller: each book's author.
			LOOP OF 3 > N_PLUS_ONE | NaiveDashboardReader.java | author     | join book.author (Select.join(BOOK_AUTHOR))
			LOOP OF 2 > N_PLUS_ONE | NaiveDashboardReader.java | author     | join book.author (Select.join(BOOK_AUTHOR))
			# newBook: every review of the book, only to average them: the lesson computes it in SQL.
			LOOP OF 3 > N_PLUS_ONE | NaiveDashboardReader.java | review     | the page only shows values computed over book.reviews: annotate over book.reviews (Lateral.over(BOOK_REVIEWS, …))
			# The best sellers show no tags (the plan that replaces their list, HomeRepository.BEST_SELLING_BOOKS,
			# reads book columns and joins): their tag links come with the aggregates only.
			N_PLUS_ONE       | NaiveDashboardReader.java | book_tag   | the page shows no book.tags: they come with each book aggregate the code loads; select the book columns the page shows instead (Select.columns(…))
			# bestSeller, and newBook's lazy publisher read by the template: author, then its publisher.
			LOOP OF 2 > N_PLUS_ONE | NaiveDashboardReader.java | publisher  | join book.author, author.publisher (Select.join(BOOK_AUTHOR, AUTHOR_PUBLISHER))
			N_PLUS_ONE   | NaiveDashboardReader.java | publisher  | join book.author, author.publisher (Select.join(BOOK_AUTHOR, AUTHOR_PUBLISHER))
			# latestReview: the review's book (for its title), the tag links that come with that aggregate,
			# and the review's customer.
			LOOP OF 3 > N_PLUS_ONE | NaiveDashboardReader.java | book       | join review.book (Select.join(REVIEW_BOOK))
			LOOP OF 3 > N_PLUS_ONE | NaiveDashboardReader.java | book_tag   | the page shows no book.tags: they come with each book aggregate the code loads; join review.book instead (Select.join(REVIEW_BOOK))
			LOOP OF 3 > N_PLUS_ONE | NaiveDashboardReader.java | customer   | join review.customer (Select.join(REVIEW_CUSTOMER))
			# newestOrders: the items of each PurchaseOrder aggregate, whose titles the dashboard lists;
			# recentOrder: each order's customer.
			N_PLUS_ONE       | NaiveDashboardReader.java | order_item | prefetch order.items (Prefetch.of(ORDER_ITEMS, …))
			N_PLUS_ONE       | NaiveDashboardReader.java | customer   | join order.customer (Select.join(ORDER_CUSTOMER))
			# The same publishers, asked for by the best sellers' line and again by the new books' lazy one.
			DUPLICATE        | NaiveDashboardReader.java | publisher  | reuse the first answer instead of asking again (pass the first result on to the other line, or cache it with @Cacheable)
			# SELECT * of the two book lists reads every book's content.
			2 × LARGE_VALUES | NaiveDashboardReader.java | book.content | project only the columns the page shows (Select.columns(...))

			/books
			N_PLUS_ONE       | NaiveBookReader.java      | book_tag   | prefetch book.tags (Prefetch.of(BOOK_TAGS, …))
			LOOP OF 4 > N_PLUS_ONE | NaiveBookReader.java      | author     | join book.author (Select.join(BOOK_AUTHOR))
			LOOP OF 4 > N_PLUS_ONE | NaiveBookReader.java      | category   | join book.category (Select.join(BOOK_CATEGORY))
			LOOP OF 4 > N_PLUS_ONE | NaiveBookReader.java      | tag        | prefetch book.tags (Prefetch.of(BOOK_TAGS, …))
			# Every review of each book, only to count and average them: the page's lesson annotates.
			LOOP OF 4 > N_PLUS_ONE | NaiveBookReader.java      | review     | the page only shows values computed over book.reviews: annotate over book.reviews (Lateral.over(BOOK_REVIEWS, …))
			N_PLUS_ONE       | NaiveBookReader.java      | publisher  | join book.author, author.publisher (Select.join(BOOK_AUTHOR, AUTHOR_PUBLISHER))
			N_PLUS_ONE       | NaiveBookReader.java      | editor     | join book.editor (Select.join(BOOK_EDITOR))
			LARGE_VALUES     | NaiveBookReader.java      | book.content | project only the columns the page shows (Select.columns(...))

			/books/1
			# The five latest reviews come from one statement; each review's customer, one by one.
			N_PLUS_ONE       | NaiveBookReader.java      | customer   | join review.customer (Select.join(REVIEW_CUSTOMER))

			/authors
			# The tag links of every book of every author, which the list never shows: the page counts the
			# books and lists the three latest, so that is all it loads of them.
			N_PLUS_ONE       | NaiveAuthorReader.java    | book_tag   | the page shows no book.tags: they come with each book aggregate the code loads; annotate over author.books, and prefetch only the rows of author.books the page lists instead (Lateral.over(AUTHOR_BOOKS, …), and Prefetch.of(AUTHOR_BOOKS, …))
			LOOP OF 3 > N_PLUS_ONE | NaiveAuthorReader.java    | publisher  | join author.publisher (Select.join(AUTHOR_PUBLISHER))
			# Every book, to count them and show the latest: a count (and the latest title) computed in SQL,
			# and a prefetch limited to three per author.
			LOOP OF 3 > N_PLUS_ONE | NaiveAuthorReader.java    | book       | the page shows values computed over author.books and lists some of them: annotate over author.books, and prefetch only the rows of author.books the page lists (Lateral.over(AUTHOR_BOOKS, …), and Prefetch.of(AUTHOR_BOOKS, …))
			# avg(r.rating) over review JOIN book WHERE b.author_id: the reviews of the author's books,
			# the lateral AuthorQueries writes.
			LOOP OF 3 > N_PLUS_ONE | NaiveAuthorReader.java    | review     | annotate over author.books, book.reviews (Lateral.over(List.of(AUTHOR_BOOKS, BOOK_REVIEWS), …))
			LARGE_VALUES     | NaiveAuthorReader.java    | book.content | project only the columns the page shows (Select.columns(...))

			/authors/2
			# Each book's tags, shown as a list of names: the detail plan aggregates them per book.
			N_PLUS_ONE       | NaiveAuthorReader.java    | book_tag   | the page only shows values computed over book.tags: annotate over book.tags (Lateral.over(BOOK_TAGS, …))
			N_PLUS_ONE       | NaiveAuthorReader.java    | tag        | the page only shows values computed over book.tags: annotate over book.tags (Lateral.over(BOOK_TAGS, …))
			LARGE_VALUES     | NaiveAuthorReader.java    | book.content | project only the columns the page shows (Select.columns(...))

			/orders
			# Each active item's book, for its title: a join inside the items prefetch, as OrderQueries does.
			LOOP OF 2 > N_PLUS_ONE | NaiveOrderReader.java     | book       | prefetch order.items with join orderItem.book (Prefetch.of(ORDER_ITEMS, …).join(ORDER_ITEM_BOOK))
			# Those books are whole aggregates, loaded for one column: their tag links are never shown.
			LOOP OF 2 > N_PLUS_ONE | NaiveOrderReader.java     | book_tag   | the page shows no book.tags: they come with each book aggregate the code loads; prefetch order.items with join orderItem.book instead (Prefetch.of(ORDER_ITEMS, …).join(ORDER_ITEM_BOOK))
			# Every item of each order: the page counts the active ones and lists them (a filtered prefetch).
			N_PLUS_ONE       | NaiveOrderReader.java     | order_item | the page shows values computed over order.items and lists some of them: annotate over order.items, and prefetch only the rows of order.items the page lists (Lateral.over(ORDER_ITEMS, …), and Prefetch.of(ORDER_ITEMS, …))
			N_PLUS_ONE       | NaiveOrderReader.java     | customer   | join order.customer (Select.join(ORDER_CUSTOMER))

			/customers
			# Every order of each customer, only to count, sum and date them: the list computes the three
			# in one lateral per customer.
			N_PLUS_ONE       | NaiveCustomerReader.java  | orders     | the page only shows values computed over customer.orders: annotate over customer.orders (Lateral.over(CUSTOMER_ORDERS, …))
			# The items that come with each order aggregate, which the list never shows.
			N_PLUS_ONE       | NaiveCustomerReader.java  | order_item | the page shows no order.items: they come with each orders aggregate the code loads; annotate over customer.orders instead (Lateral.over(CUSTOMER_ORDERS, …))

			/customers/1
			# All orders, the last 30 days' and those over 100: each list's items, one order at a time, only
			# to be counted.
			3 × N_PLUS_ONE   | NaiveCustomerReader.java  | order_item | the page only shows values computed over order.items: annotate over order.items (Lateral.over(ORDER_ITEMS, …))
			# An order in two of the lists has its items loaded once per list.
			DUPLICATE        | NaiveCustomerReader.java  | order_item | reuse the first answer instead of asking again (pass the first result on to the other line, or cache it with @Cacheable)

			/api/books
			N_PLUS_ONE       | NaiveApiReader.java       | book_tag   | prefetch book.tags (Prefetch.of(BOOK_TAGS, …))
			LOOP OF 3 > N_PLUS_ONE | NaiveApiReader.java       | author     | join book.author (Select.join(BOOK_AUTHOR))
			LOOP OF 3 > N_PLUS_ONE | NaiveApiReader.java       | tag        | prefetch book.tags (Prefetch.of(BOOK_TAGS, …))
			# count(*) per book: a count in SQL, not the reviews.
			LOOP OF 3 > N_PLUS_ONE | NaiveApiReader.java       | review     | annotate over book.reviews (Lateral.over(BOOK_REVIEWS, …))
			LARGE_VALUES     | NaiveApiReader.java       | book.content | project only the columns the page shows (Select.columns(...))

			/api/books/1
			# One book: the book and its tag links, then its author, its tag names and its review count,
			# each asked for once (5 statements). With one parent nothing repeats, so there is no N+1 to
			# report, and its one content value is below the large-values threshold: no findings at all.

			/api/authors?size=20
			# The JSON shows each author's books but no tags: the tag links only come with the aggregates.
			N_PLUS_ONE       | NaiveApiReader.java       | book_tag   | the page shows no book.tags: they come with each book aggregate the code loads; prefetch author.books instead (Prefetch.of(AUTHOR_BOOKS, …))
			LOOP OF 2 > N_PLUS_ONE | NaiveApiReader.java       | publisher  | join author.publisher (Select.join(AUTHOR_PUBLISHER))
			LOOP OF 2 > N_PLUS_ONE | NaiveApiReader.java       | book       | prefetch author.books (Prefetch.of(AUTHOR_BOOKS, …))
			LARGE_VALUES     | NaiveApiReader.java       | book.content | project only the columns the page shows (Select.columns(...))

			/mistakes/filter-after-prefetch?size=20
			# The repeats filter by date: the filter goes into the prefetch. Their list is the authors
			# (#1), not the unfiltered prefetch of books (#2) that precedes them.
			N_PLUS_ONE       | NaiveRecentBooksReader.java | book     | prefetch author.books filtered by the same condition (Prefetch.of(AUTHOR_BOOKS, …).where(…))

			/mistakes/serializer?size=5
			N_PLUS_ONE       | NaiveApiReader.java       | book_tag   | the page shows no book.tags: they come with each book aggregate the code loads; prefetch author.books instead (Prefetch.of(AUTHOR_BOOKS, …))
			LOOP OF 2 > N_PLUS_ONE | NaiveApiReader.java       | publisher  | join author.publisher (Select.join(AUTHOR_PUBLISHER))
			LOOP OF 2 > N_PLUS_ONE | NaiveApiReader.java       | book       | prefetch author.books (Prefetch.of(AUTHOR_BOOKS, …))
			LARGE_VALUES     | NaiveApiReader.java       | book.content | project only the columns the page shows (Select.columns(...))

			/mistakes/over-prefetching?size=20
			LARGE_VALUES     | NaiveBylineReader.java    | book.content | project only the columns the page shows (Select.columns(...))

			/mistakes/deferred-column?size=20
			# The summary of rows the list already read: select it with them, as MistakeQueries' blurbs do.
			N_PLUS_ONE       | NaiveBlurbReader.java     | book       | select summary in the statement that read the book rows (Select.columns(…, "b.summary"))

			/mistakes/count-by-loading?page=5&size=10
			# Whole rows, loaded to be counted: the page's lesson counts in SQL, and its tallies show no tags.
			N_PLUS_ONE       | NaiveTallyReader.java     | book_tag   | the page shows no book.tags: they come with each book aggregate the code loads; annotate over author.books instead (Lateral.over(AUTHOR_BOOKS, …))
			N_PLUS_ONE       | NaiveTallyReader.java     | review     | the page only shows values computed over book.reviews: annotate over author.books, book.reviews (Lateral.over(List.of(AUTHOR_BOOKS, BOOK_REVIEWS), …))
			N_PLUS_ONE       | NaiveTallyReader.java     | book       | the page only shows values computed over author.books: annotate over author.books (Lateral.over(AUTHOR_BOOKS, …))
			LARGE_VALUES     | NaiveTallyReader.java     | book.content | project only the columns the page shows (Select.columns(...))

			/mistakes/batch-too-small?size=50
			# The tags of fifty books, ten books per = ANY(?): five batches of one list, one statement with
			# every id of the page as the fix, which is the tags prefetch the right side runs.
			BATCH_PLUS_ONE   | NaiveChunkedTagsReader.java | tag | load the book_tag rows in one statement with all 50 book_id values, not one statement per chunk, binding the collected book_id values as one Long[] (SELECT … FROM book_tag WHERE book_id = ANY(?))

			/mistakes/lookups-per-row?size=20
			# Each book's author, category and review count, one after the other for every book: one loop,
			# each lookup with the fix of its own relation (the count, a count in SQL); the lesson reads all three in one statement.
			LOOP OF 3 > N_PLUS_ONE | NaiveCreditsReader.java | author | join book.author (Select.join(BOOK_AUTHOR))
			LOOP OF 3 > N_PLUS_ONE | NaiveCreditsReader.java | category | join book.category (Select.join(BOOK_CATEGORY))
			LOOP OF 3 > N_PLUS_ONE | NaiveCreditsReader.java | review | annotate over book.reviews (Lateral.over(BOOK_REVIEWS, …))
			""";

	private static final Pattern REPEATED = Pattern.compile("^(\\d+)\\s*×\\s*(.*)$");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private SqlDiagnostics diagnostics;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@Test
	void theTableListsExactlyTheNaivePagesTheOtherDetectorTestsVisit() {
		assertThat(expected().keySet()).containsExactlyElementsOf(NaivePages.URIS);
	}

	/**
	 * The routes with a naive mode are read from the application (every GET handler that
	 * takes a {@link Mode}), not typed by hand: two hand-typed lists agreed with each
	 * other while both missed {@code /api/books/{id}}. Catches a naive route missing from
	 * the table (remove {@code /api/books/1} and this fails), and a table entry that no
	 * longer names one.
	 */
	@Test
	void theTableCoversEveryRouteThatHasANaiveMode() {
		List<PathPattern> routes = routesTakingAMode();
		List<PathContainer> tablePaths = expected().keySet()
			.stream()
			.map((uri) -> PathContainer.parsePath(uri.replaceFirst("\\?.*$", "")))
			.toList();

		assertThat(routes).extracting(PathPattern::getPatternString)
			.contains("/books", "/books/{id}", "/api/books", "/api/books/{id}");
		assertThat(routes)
			.allSatisfy((route) -> assertThat(tablePaths).as("table entries for %s", route).anyMatch(route::matches));
		assertThat(tablePaths).allSatisfy((path) -> assertThat(routes).as("a route with a naive mode for %s", path)
			.anyMatch((route) -> route.matches(path)));
	}

	@TestFactory
	Stream<DynamicTest> eachNaivePageReportsExactlyTheFindingsOfTheTable() {
		Pages pages = new Pages(this.mvc);
		return expected().entrySet().stream().map((page) -> DynamicTest.dynamicTest(page.getKey(), () -> {
			RequestReport report = pages.visit(NaivePages.inMode(page.getKey(), "naive")).report();

			assertThat(rows(this.diagnostics.findings(report))).as(page.getKey())
				.containsExactlyInAnyOrderElementsOf(page.getValue());
		}));
	}

	@TestFactory
	Stream<DynamicTest> noOptimizedPageHasAPotentialNPlusOne() {
		Pages pages = new Pages(this.mvc);
		return NaivePages.URIS.stream().map((uri) -> DynamicTest.dynamicTest(uri, () -> {
			RequestReport report = pages.visit(NaivePages.inMode(uri, "optimized")).report();

			assertThat(this.diagnostics.findings(report)).as(uri).noneMatch(Finding::isNPlusOne);
		}));
	}

	private List<PathPattern> routesTakingAMode() {
		return this.handlerMapping.getHandlerMethods()
			.entrySet()
			.stream()
			.filter((entry) -> Stream.of(entry.getValue().getMethodParameters())
				.anyMatch((parameter) -> parameter.getParameterType() == Mode.class))
			.filter((entry) -> entry.getKey().getMethodsCondition().getMethods().isEmpty()
					|| entry.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET))
			.map((entry) -> entry.getKey().getPathPatternsCondition())
			.filter(Objects::nonNull)
			.flatMap((condition) -> condition.getPatterns().stream())
			.toList();
	}

	/** Page → its rows, each repeated row as {@code n × row}. */
	private static Map<String, List<String>> expected() {
		Map<String, List<String>> pages = new LinkedHashMap<>();
		List<String> rows = null;
		for (String line : NAIVE_FINDINGS.lines().map(String::strip).toList()) {
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			if (line.startsWith("/")) {
				rows = new ArrayList<>();
				pages.put(line, rows);
				continue;
			}
			Matcher repeated = REPEATED.matcher(line);
			int count = repeated.matches() ? Integer.parseInt(repeated.group(1)) : 1;
			String row = repeated.matches() ? repeated.group(2) : line;
			List<String> cells = Stream.of(row.split("\\|", 4)).map(String::strip).toList();
			rows.add(counted(count, String.join(" | ", cells)));
		}
		return pages;
	}

	/**
	 * The findings as rows of the table: no line numbers, which move when code does. A
	 * loop is a row per member, each marked with the loop's size, so that each member's
	 * fix stays reviewed: the loop's own fix is made of theirs.
	 */
	private static List<String> rows(List<Finding> findings) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (Finding finding : findings) {
			List<Finding> members = finding.members().isEmpty() ? List.of(finding) : finding.members();
			String loop = finding.members().isEmpty() ? "" : "LOOP OF " + members.size() + " > ";
			for (Finding member : members) {
				String table = String.valueOf(NPlusOneDetector.tableOf(member.sql()))
						+ ((member.column() != null) ? "." + member.column() : "");
				String row = String.join(" | ", loop + member.kind().name(), member.callSite().replaceAll(":\\d+$", ""),
						table, (member.suggestion() != null) ? member.suggestion().text() : "-");
				counts.merge(row, 1, Integer::sum);
			}
		}
		List<String> rows = new ArrayList<>();
		counts.forEach((row, count) -> rows.add(counted(count, row)));
		return rows;
	}

	private static String counted(int count, String row) {
		return (count == 1) ? row : count + " × " + row;
	}

}
