package dev.nplusonelab.sqlreport;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

import dev.nplusonelab.diagnostics.detect.Finding;
import dev.nplusonelab.diagnostics.detect.Finding.Suggestion;
import dev.nplusonelab.diagnostics.detect.FixSuggester;
import dev.nplusonelab.diagnostics.detect.RepeatedLookup;
import dev.nplusonelab.diagnostics.capture.StatementRecord;
import dev.nplusonelab.query.PagePlan;
import dev.nplusonelab.query.Reach;
import dev.nplusonelab.query.Relation;
import dev.nplusonelab.query.Relations;
import dev.nplusonelab.query.Table;
import dev.nplusonelab.query.ToMany;
import dev.nplusonelab.query.ToOne;

/**
 * The detector's fixes in terms of our query layer. It follows the schema's
 * {@link Relations} from the table of the list a repeated statement was issued for to
 * what the repeats read (the table and the column their WHERE clause matches): a to-one
 * or a chain of two ({@code join}), a to-many or a many-to-many ({@code prefetch}), a
 * to-one of a to-many's children (a {@code join} inside the {@code prefetch}), a to-many
 * under a to-many ({@code then}). Where no relation leads there from the list, it names
 * none and leaves the fix to the starter, which names the table and the key: a relation
 * the list does not reach would be a wrong fix.
 * <p>
 * A fix then matches the page's own lesson: the {@link PagePlan}s of the request's route
 * say what the page shows of the children the repeats read. Children the page only counts
 * or averages are annotated, not prefetched; children it counts and lists in part are
 * both; children it never shows, which came with each aggregate the naive code loaded,
 * are not loaded at all, and the fix is what the page does show of their parent.
 */
@Component
class QueryLayerSuggestions implements FixSuggester {

	private final Relations relations;

	private final List<PagePlan> plans;

	QueryLayerSuggestions(Relations relations, List<PagePlan> plans) {
		this.relations = relations;
		this.plans = List.copyOf(plans);
	}

	@Override
	public boolean leadsTo(String table, RepeatedLookup lookup) {
		return path(table, lookup) != null;
	}

	@Override
	public @Nullable Suggestion suggest(RepeatedLookup lookup) {
		Suggestion shown = asThePageShows(lookup);
		return (shown != null) ? shown : named(lookup);
	}

	/**
	 * The fix that loads what the page's plans load of the children the repeats read, for
	 * the list they were issued for; {@code null} where the page's plans prefetch them as
	 * the named fix does, or where the page has no plans.
	 */
	private @Nullable Suggestion asThePageShows(RepeatedLookup lookup) {
		ToMany relation = childrenOf(lookup);
		String source = lookup.sourceTable();
		if (relation == null || source == null || lookup.route() == null || lookup.aggregate()) {
			return null;
		}
		List<Reach> reaches = reachesFrom(source, lookup);
		if (reaches.isEmpty()) {
			return null;
		}
		Set<Reach.How> ways = ways(reaches, relation);
		if (ways.isEmpty()) {
			String parent = relation.source().name();
			String unused = "the page shows no " + relation.name() + ": they come with each " + parent
					+ " aggregate the code loads; ";
			for (Reach reach : reaches) {
				if (reach.last().target().equals(relation.source())) {
					Set<Reach.How> hows = ways(reaches, reach.last());
					return new Suggestion(action(hows), names(reach.path()),
							unused + describe(reach.path(), hows) + " instead", code(reach.path(), hows));
				}
			}
			return relation.source().name().equals(source)
					? new Suggestion("select", List.of(),
							unused + "select the " + parent + " columns the page shows instead", "Select.columns(…)")
					: null;
		}
		if (ways.equals(Set.of(Reach.How.PREFETCH))) {
			return null;
		}
		List<Relation> path = reaches.stream()
			.filter((reach) -> reach.last().equals(relation))
			.map(Reach::path)
			.findFirst()
			.orElse(List.of(relation));
		String what = ways.contains(Reach.How.PREFETCH)
				? "the page shows values computed over " + relation.name() + " and lists some of them: "
				: "the page only shows values computed over " + relation.name() + ": ";
		return new Suggestion(action(ways), names(path), what + describe(path, ways), code(path, ways));
	}

	/**
	 * What the route's plans reach from the rows of {@code source}, each path starting
	 * after that table: the plan that replaces the list the repeats ran for, where the
	 * page says which, else every plan that passes through the table.
	 */
	private List<Reach> reachesFrom(String source, RepeatedLookup lookup) {
		List<PagePlan> route = this.plans.stream().filter((plan) -> plan.route().equals(lookup.route())).toList();
		Finding.Source list = lookup.source();
		List<PagePlan> replacing = route.stream().filter((plan) -> list != null && plan.replaces(list.sql())).toList();
		List<PagePlan> candidates = !replacing.isEmpty() ? replacing
				: route.stream().filter((plan) -> plan.replaces() == null).toList();
		List<Reach> reaches = new ArrayList<>();
		for (PagePlan plan : candidates) {
			for (Reach reach : plan.plan().reaches()) {
				List<Relation> path = reach.path();
				int from = reach.root().name().equals(source) ? 0 : -1;
				for (int i = 0; from < 0 && i < path.size(); i++) {
					if (path.get(i).target().name().equals(source)) {
						from = i + 1;
					}
				}
				if (from >= 0 && from < path.size()) {
					reaches.add(new Reach(reach.root(), path.subList(from, path.size()), reach.how()));
				}
			}
		}
		return reaches;
	}

	/** How the reaches load {@code relation}, wherever it is the last step. */
	private static Set<Reach.How> ways(List<Reach> reaches, Relation relation) {
		Set<Reach.How> ways = EnumSet.noneOf(Reach.How.class);
		reaches.stream().filter((reach) -> reach.last().equals(relation)).forEach((reach) -> ways.add(reach.how()));
		return ways;
	}

	private static String action(Set<Reach.How> hows) {
		return hows.contains(Reach.How.ANNOTATE) ? "annotate over"
				: hows.contains(Reach.How.PREFETCH) ? "prefetch" : "join";
	}

	/**
	 * A path loaded these ways, in words:
	 * {@code prefetch order.items with join orderItem.book}.
	 */
	private static String describe(List<Relation> path, Set<Reach.How> hows) {
		Relation last = path.get(path.size() - 1);
		if (last instanceof ToOne) {
			ToMany many = (path.get(0) instanceof ToMany first) ? first : null;
			return (many != null) ? "prefetch " + many.name() + " with join " + last.name()
					: "join " + String.join(", ", names(path));
		}
		List<String> words = new ArrayList<>();
		if (hows.contains(Reach.How.ANNOTATE)) {
			words.add("annotate over " + String.join(", ", names(path)));
		}
		if (hows.contains(Reach.How.PREFETCH)) {
			words.add(words.isEmpty() ? "prefetch " + last.name()
					: "prefetch only the rows of " + last.name() + " the page lists");
		}
		return String.join(", and ", words);
	}

	/** A path loaded these ways, in the query layer's code. */
	private static String code(List<Relation> path, Set<Reach.How> hows) {
		Relation last = path.get(path.size() - 1);
		if (last instanceof ToOne) {
			if (path.get(0) instanceof ToMany many) {
				return prefetch(many, "") + ".join(" + constants(path.subList(1, path.size())) + ")";
			}
			return "Select.join(" + constants(path) + ")";
		}
		List<String> code = new ArrayList<>();
		if (hows.contains(Reach.How.ANNOTATE)) {
			String over = (path.size() == 1) ? constants(path) : "List.of(" + constants(path) + ")";
			code.add("Lateral.over(" + over + ", …)");
		}
		if (hows.contains(Reach.How.PREFETCH)) {
			code.add(prefetch((ToMany) last, ""));
		}
		return String.join(", and ", code);
	}

	/**
	 * The to-many relation whose children a repeated statement reads: by the parent's
	 * key, or a many-to-many's far side by id.
	 */
	private @Nullable ToMany childrenOf(RepeatedLookup lookup) {
		ToMany relation = relation(lookup);
		if (relation != null || !lookup.byId()) {
			return relation;
		}
		List<ToMany> links = this.relations.all()
			.stream()
			.filter(ToMany.class::isInstance)
			.map(ToMany.class::cast)
			.filter((many) -> many.link() != null && many.target().name().equals(lookup.table()))
			.toList();
		return (links.size() == 1) ? links.get(0) : null;
	}

	/** The fix named from the relations alone. */
	private @Nullable Suggestion named(RepeatedLookup lookup) {
		List<Relation> path = path(lookup.sourceTable(), lookup);
		if (path == null) {
			ToMany relation = relation(lookup);
			return (relation != null) ? loadAtOnce(lookup, relation, List.of()) : null;
		}
		if (path.isEmpty()) {
			return sameRows(lookup);
		}
		Relation last = path.get(path.size() - 1);
		if (last instanceof ToOne) {
			if (path.get(0) instanceof ToMany many) {
				return new Suggestion("prefetch", names(path), "prefetch " + many.name() + " with join " + last.name(),
						prefetch(many, "") + ".join(" + Relations.constantName(last) + ")");
			}
			return new Suggestion("join", names(path), "join " + String.join(", ", names(path)),
					"Select.join(" + constants(path) + ")");
		}
		return loadAtOnce(lookup, (ToMany) last, path.subList(0, path.size() - 1));
	}

	@Override
	public Suggestion suggestForLargeValues(StatementRecord statement) {
		return new Suggestion("project", List.of(), "project only the columns the page shows", "Select.columns(...)");
	}

	/**
	 * The relations that lead from the rows of {@code from} to the rows {@code lookup}
	 * reads: none when it reads {@code from} again, else one or two steps, never back
	 * through a table already on the way (the books of each book's author are rarely what
	 * a loop over books asked for). Further than two steps, the list is rarely the one
	 * the rows came from. {@code null} when no such path exists.
	 */
	private @Nullable List<Relation> path(@Nullable String from, RepeatedLookup lookup) {
		if (from == null) {
			return null;
		}
		if (lookup.byId() && lookup.table().equals(from)) {
			return List.of();
		}
		ToMany relation = relation(lookup);
		for (Relation step : this.relations.all()) {
			if (step.source().name().equals(from) && endsWith(lookup, relation, step)) {
				return List.of(step);
			}
		}
		for (Relation step : this.relations.all()) {
			if (!step.source().name().equals(from) || step.target().name().equals(from)) {
				continue;
			}
			for (Relation next : this.relations.all()) {
				if (next.source().equals(step.target()) && endsWith(lookup, relation, next)
						&& !next.target().name().equals(from) && !next.target().equals(step.target())) {
					return List.of(step, next);
				}
			}
		}
		return null;
	}

	/**
	 * Whether {@code step} reads the rows the lookup reads: a to-one or a many-to-many
	 * into the table by id, or the to-many relation itself.
	 */
	private static boolean endsWith(RepeatedLookup lookup, @Nullable ToMany relation, Relation step) {
		if (relation != null) {
			return step.equals(relation);
		}
		if (!lookup.byId() || !step.target().name().equals(lookup.table())) {
			return false;
		}
		return step instanceof ToOne || step instanceof ToMany many && many.link() != null;
	}

	/**
	 * The children a repeated statement reads over a to-many relation, for all parents at
	 * once: a prefetch, or a lateral when it only wanted a count or an average.
	 * @param lookup what the repeated statement reads
	 * @param relation the to-many relation, or the many-to-many, that leads to it
	 * @param before the step from the list to the relation's parent, if it is not the
	 * list itself
	 */
	private Suggestion loadAtOnce(RepeatedLookup lookup, ToMany relation, List<Relation> before) {
		String where = lookup.filtered() ? ".where(…)" : "";
		String filtered = lookup.filtered() ? " filtered by the same condition" : "";
		Relation step = before.isEmpty() ? null : before.get(0);
		if (lookup.aggregate()) {
			List<ToMany> over = new ArrayList<>();
			if (step instanceof ToMany many) {
				over.add(many);
			}
			over.add(relation);
			toManyTo(relation.target(), lookup.mainTable()).ifPresent(over::add);
			String constants = String.join(", ", over.stream().map(Relations::constantName).toList());
			String lateral = "Lateral.over(" + ((over.size() == 1) ? constants : "List.of(" + constants + ")") + ", …)"
					+ where;
			String names = String.join(", ", over.stream().map(Relation::name).toList());
			if (step instanceof ToOne join) {
				List<String> relations = new ArrayList<>(List.of(join.name()));
				over.forEach((many) -> relations.add(many.name()));
				return new Suggestion("annotate over", List.copyOf(relations),
						"join " + join.name() + ", then annotate over " + names + filtered,
						"Select.join(" + Relations.constantName(join) + ").annotate(" + lateral + ")");
			}
			return new Suggestion("annotate over", over.stream().map(Relation::name).toList(),
					"annotate over " + names + filtered, lateral);
		}
		if (step instanceof ToMany many) {
			return new Suggestion("prefetch", List.of(many.name(), relation.name()),
					"prefetch " + many.name() + " then " + relation.name() + filtered,
					prefetch(many, "") + ".then(" + prefetch(relation, where) + ", …)");
		}
		if (step instanceof ToOne join) {
			return new Suggestion("prefetch", List.of(join.name(), relation.name()),
					"join " + join.name() + ", then prefetch " + relation.name() + filtered,
					"Select.join(" + Relations.constantName(join) + "), then " + prefetch(relation, where));
		}
		return new Suggestion("prefetch", List.of(relation.name()), "prefetch " + relation.name() + filtered,
				prefetch(relation, where));
	}

	/**
	 * The list read the rows already and left out columns a later statement reads one row
	 * at a time: select them with the list.
	 */
	private Suggestion sameRows(RepeatedLookup lookup) {
		String alias = this.relations.all()
			.stream()
			.flatMap((relation) -> Stream.of(relation.source(), relation.target()))
			.filter((table) -> table.name().equals(lookup.table()))
			.map(Table::alias)
			.findFirst()
			.orElse(lookup.table());
		if (lookup.columns().isEmpty()) {
			return new Suggestion("select", List.of(),
					"select the columns of " + lookup.table() + " in the statement that read its rows",
					"Select.columns(…)");
		}
		String columns = String.join(", ", lookup.columns());
		String qualified = String.join(", ",
				lookup.columns().stream().map((column) -> "\"" + alias + "." + column + "\"").toList());
		return new Suggestion("select", List.of(),
				"select " + columns + " in the statement that read the " + lookup.table() + " rows",
				"Select.columns(…, " + qualified + ")");
	}

	private static String prefetch(ToMany relation, String options) {
		return "Prefetch.of(" + Relations.constantName(relation) + ", …)" + options;
	}

	private static List<String> names(List<Relation> path) {
		return path.stream().map(Relation::name).toList();
	}

	private static String constants(List<Relation> path) {
		return String.join(", ", path.stream().map(Relations::constantName).toList());
	}

	/**
	 * The to-many relation whose children the lookup reads, when its key is a parent's
	 * foreign key.
	 */
	private @Nullable ToMany relation(RepeatedLookup lookup) {
		if (lookup.byId()) {
			return null;
		}
		return this.relations.all()
			.stream()
			.filter(ToMany.class::isInstance)
			.map(ToMany.class::cast)
			.filter((relation) -> relation.foreignKey().equals(lookup.column())
					&& ((relation.link() == null) ? relation.target().name().equals(lookup.table())
							: relation.link().table().name().equals(lookup.table())))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The to-many relation from {@code parent} to {@code table}, if it is another table.
	 */
	private Optional<ToMany> toManyTo(Table parent, String table) {
		if (parent.name().equals(table)) {
			return Optional.empty();
		}
		return this.relations.all()
			.stream()
			.filter(ToMany.class::isInstance)
			.map(ToMany.class::cast)
			.filter((relation) -> relation.source().equals(parent) && relation.target().name().equals(table))
			.findFirst();
	}

}
