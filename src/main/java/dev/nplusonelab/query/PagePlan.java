package dev.nplusonelab.query;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A fetch plan and the page it serves: which relations a page shows, and how. A page with
 * two lists of one table says which naive list each plan replaces.
 *
 * @param route the route template of the page
 * @param plan a plan the page's optimized reader runs
 * @param replaces the statement of the naive list the plan replaces, with named
 * parameters ({@code :limit}), or {@code null} when the page has one list of the plan's
 * root table
 */
public record PagePlan(String route, FetchPlan<?> plan, @Nullable String replaces) {

	private static final Pattern NAMED = Pattern.compile(":[a-zA-Z_]\\w*");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	public static PagePlan of(String route, FetchPlan<?> plan) {
		return new PagePlan(route, plan, null);
	}

	/**
	 * Whether {@code sql}, as the driver received it, is the naive list this replaces.
	 */
	public boolean replaces(String sql) {
		return this.replaces != null && normal(NAMED.matcher(this.replaces).replaceAll("?")).equals(normal(sql));
	}

	private static String normal(String sql) {
		return WHITESPACE.matcher(sql.strip()).replaceAll(" ");
	}

}
