package dev.nplusonelab.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.ToLongFunction;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Everything one view needs, loaded in a fixed number of statements: the root rows with
 * their to-one relations joined ({@link Select}), then one statement per prefetched
 * to-many relation. The number of statements depends on the plan, never on the number of
 * rows.
 * <p>
 * A plan is a value: build it once, name it after the view it serves (Django's manager
 * methods such as {@code for_list_view()}), and run it with different parameters.
 *
 * <pre>{@code
 * FetchPlan<BookRow> plan = FetchPlan.of(select, BookRow::map, BookRow::id)
 *     .prefetch(Prefetch.of(BOOK_TAGS, (rs, i) -> rs.getString("name"), "t.name").orderBy("t.name"),
 *             BookRow::withTags);
 * Slice<BookRow> page = plan.slice(jdbc, PageRequest.of(0, 50));   // 2 statements
 * }</pre>
 *
 * @param <T> the root row
 */
public final class FetchPlan<T> {

	private final Select root;

	private final RowMapper<T> mapper;

	private final ToLongFunction<T> idOf;

	private final List<Attachment<T, ?>> prefetches;

	private FetchPlan(Select root, RowMapper<T> mapper, ToLongFunction<T> idOf, List<Attachment<T, ?>> prefetches) {
		this.root = root;
		this.mapper = mapper;
		this.idOf = idOf;
		this.prefetches = prefetches;
	}

	/**
	 * A plan whose root rows come from {@code root}, mapped by {@code mapper};
	 * {@code idOf} gives the id that children refer to.
	 */
	public static <T> FetchPlan<T> of(Select root, RowMapper<T> mapper, ToLongFunction<T> idOf) {
		return new FetchPlan<>(root, mapper, idOf, List.of());
	}

	/**
	 * Adds a prefetch and says where its children go: {@code into} returns the root row
	 * with the children set. Prefetching one relation twice, with different filters, into
	 * two attributes is how a view shows "all orders" and "recent orders" side by side.
	 */
	public <C> FetchPlan<T> prefetch(Prefetch<C> prefetch, BiFunction<T, List<C>, T> into) {
		if (!prefetch.relation().source().equals(this.root.root())) {
			throw new IllegalArgumentException(
					prefetch.relation().name() + " does not start from " + this.root.root().name());
		}
		List<Attachment<T, ?>> prefetches = new ArrayList<>(this.prefetches);
		prefetches.add(new Attachment<>(prefetch, into));
		return new FetchPlan<>(this.root, this.mapper, this.idOf, List.copyOf(prefetches));
	}

	/** All root rows, with their children, for a plan that takes no parameters. */
	public List<T> list(JdbcClient jdbc) {
		return list(jdbc, Map.of());
	}

	/** All root rows that match, with their children. */
	public List<T> list(JdbcClient jdbc, Map<String, ?> parameters) {
		if (this.root.isPaged() || this.root.isPagedAfter()) {
			throw new IllegalStateException("This plan loads pages; call slice() or sliceAfter()");
		}
		return attach(jdbc, jdbc.sql(this.root.sql()).params(parameters).query(this.mapper).list(), parameters);
	}

	/** The single root row that matches, with its children, or empty. */
	public Optional<T> one(JdbcClient jdbc, Map<String, ?> parameters) {
		List<T> rows = list(jdbc, parameters);
		if (rows.size() > 1) {
			throw new IllegalStateException("Expected at most one row, got " + rows.size());
		}
		return rows.stream().findFirst();
	}

	/** One page of root rows with their children, for a plan that takes no parameters. */
	public Slice<T> slice(JdbcClient jdbc, Pageable page) {
		return slice(jdbc, page, Map.of());
	}

	/**
	 * One page of root rows with their children. It asks for one row more than the page
	 * holds to learn whether there is a next page, which costs no extra statement, unlike
	 * a total count.
	 */
	public Slice<T> slice(JdbcClient jdbc, Pageable page, Map<String, ?> parameters) {
		if (!this.root.isPaged()) {
			throw new IllegalStateException("The root select is not paged(); call list() or sliceAfter()");
		}
		Map<String, Object> bound = new HashMap<>(parameters);
		bound.put(Select.OFFSET, page.getOffset());
		return slice(jdbc, bound, page, parameters);
	}

	/**
	 * The {@code size} root rows after the key {@code after}, with their children, for a
	 * plan that takes no parameters.
	 */
	public Slice<T> sliceAfter(JdbcClient jdbc, long after, int size) {
		return sliceAfter(jdbc, after, size, Map.of());
	}

	/**
	 * The {@code size} root rows after the key {@code after}, with their children, for a
	 * {@link Select#pagedAfter} root. Like {@link #slice} it reads one row more to know
	 * whether more follow.
	 */
	public Slice<T> sliceAfter(JdbcClient jdbc, long after, int size, Map<String, ?> parameters) {
		if (!this.root.isPagedAfter()) {
			throw new IllegalStateException("The root select is not pagedAfter(key)");
		}
		Map<String, Object> bound = new HashMap<>(parameters);
		bound.put(Select.AFTER, after);
		return slice(jdbc, bound, PageRequest.ofSize(size), parameters);
	}

	/** Reads one row more than the page holds: if it comes back, a next page exists. */
	private Slice<T> slice(JdbcClient jdbc, Map<String, Object> bound, Pageable page, Map<String, ?> parameters) {
		bound.put(Select.LIMIT, page.getPageSize() + 1);
		List<T> rows = jdbc.sql(this.root.sql()).params(bound).query(this.mapper).list();
		boolean hasNext = rows.size() > page.getPageSize();
		List<T> content = hasNext ? rows.subList(0, page.getPageSize()) : rows;
		return new SliceImpl<>(attach(jdbc, content, parameters), page, hasNext);
	}

	/**
	 * Every relation this plan reaches from its root, and how: what the page it serves
	 * shows.
	 */
	public List<Reach> reaches() {
		List<Reach> reaches = new ArrayList<>(this.root.reaches());
		this.prefetches
			.forEach((attachment) -> reaches.addAll(attachment.prefetch().reaches(this.root.root(), List.of())));
		return List.copyOf(reaches);
	}

	/** The statements this plan runs, root first, for documentation and tests. */
	public List<String> statements() {
		List<String> statements = new ArrayList<>();
		statements.add(this.root.sql());
		this.prefetches.forEach((attachment) -> statements.add(attachment.prefetch().sql()));
		return statements;
	}

	private List<T> attach(JdbcClient jdbc, List<T> rows, Map<String, ?> parameters) {
		if (this.prefetches.isEmpty() || rows.isEmpty()) {
			return rows;
		}
		List<T> result = new ArrayList<>(rows);
		for (Attachment<T, ?> attachment : this.prefetches) {
			attachment.attach(jdbc, result, this.idOf, parameters);
		}
		return List.copyOf(result);
	}

	/** A prefetch and where its children go. */
	private record Attachment<T, C>(Prefetch<C> prefetch, BiFunction<T, List<C>, T> into) {

		void attach(JdbcClient jdbc, List<T> rows, ToLongFunction<T> idOf, Map<String, ?> parameters) {
			this.prefetch.attachTo(jdbc, rows, idOf, this.into, parameters);
		}

	}

}
