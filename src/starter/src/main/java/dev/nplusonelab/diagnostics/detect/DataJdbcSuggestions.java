package dev.nplusonelab.diagnostics.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;
import org.springframework.data.relational.core.mapping.AggregatePath;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;
import org.springframework.data.relational.core.mapping.RelationalPersistentProperty;
import org.springframework.data.core.TypeInformation;
import org.springframework.util.StringUtils;

import dev.nplusonelab.diagnostics.detect.Finding.Suggestion;

import dev.nplusonelab.diagnostics.capture.DataAccess;

/**
 * Fixes named in Spring Data JDBC's terms, from its mapping context, for statements
 * Spring Data JDBC issued: the aggregate and the property a repeated statement reads.
 * Table and column names are compared without their quotes, so the MySQL dialect's
 * backticks read as PostgreSQL's double quotes do.
 * <ul>
 * <li>An owned collection ({@code Set<BookTag> tags}), loaded with each aggregate by its
 * back-reference column: the repeats read its table by that column.</li>
 * <li>A reference to another aggregate ({@code AggregateReference<Author, Long> author}),
 * which Spring Data JDBC never loads: the application looked each referenced aggregate up
 * by id, once per row of the list that holds the references.</li>
 * <li>A repository call per row by an aggregate's id, or by a column one of its
 * properties maps: {@code findAllById}, or a derived query over all the keys.</li>
 * </ul>
 * SQL in a fix binds the keys as one array only on PostgreSQL. It names nothing for
 * statements Spring Data JDBC did not issue, nor when the mapping does not say which
 * property it is: another table, another column, a count or a filtered read, a reference
 * read for a list that is not its aggregate's, or two properties that fit.
 */
public final class DataJdbcSuggestions implements MappingSuggester {

	private final ObjectProvider<JdbcMappingContext> contexts;

	/**
	 * The relations read from the entities the context had then: it maps an entity the
	 * first time it meets its type, so they are read again when that number changes.
	 */
	private volatile Mapped mapped = new Mapped(-1, List.of());

	/**
	 * The context once found: looking a bean up by type resolves candidates each time,
	 * which cost more than the rest of a request's findings.
	 */
	private volatile @Nullable JdbcMappingContext context;

	public DataJdbcSuggestions(ObjectProvider<JdbcMappingContext> contexts) {
		this.contexts = contexts;
	}

	@Override
	public @Nullable Suggestion suggest(RepeatedLookup lookup) {
		if (lookup.issuer() != DataAccess.SPRING_DATA_JDBC) {
			return null;
		}
		// A reference of an aggregate that Spring Data JDBC loaded; rows that other code
		// read
		// hold no AggregateReference, and what the repeats read for each is a lookup per
		// row.
		boolean aggregates = lookup.source() == null || lookup.source().issuer() == DataAccess.SPRING_DATA_JDBC;
		List<Relation> relations = relations(lookup, lookup.sourceTable(), true).stream()
			.filter((relation) -> relation.collection() || aggregates)
			.toList();
		if (relations.isEmpty()) {
			return explicit(lookup);
		}
		if (relations.size() != 1) {
			return null;
		}
		Relation relation = relations.get(0);
		String name = relation.aggregate() + "." + relation.property();
		if (relation.collection()) {
			String keys = lookup.database().bindsArrays() ? relation.column() + " = ANY(?)"
					: relation.column() + " IN (:ids)";
			String query = "SELECT … FROM " + relation.table() + " WHERE " + keys;
			// Not single query loading: in Spring Data JDBC 4.0 it fails on an aggregate
			// whose
			// collection holds AggregateReferences, and reads an empty collection as
			// null.
			return new Suggestion("load", List.of(name),
					"load " + name + " for all " + relation.aggregate() + " aggregates at once by its back-reference "
							+ relation.table() + "." + relation.column() + ", not with each aggregate",
					query);
		}
		return new Suggestion("load", List.of(name),
				"load the " + relation.target() + " aggregates that " + name + " refers to for all rows at once",
				"findAllById with the collected ids");
	}

	/**
	 * A lookup no relation explains, a repository call per row: by an aggregate's id, or
	 * by a column one of its properties maps.
	 */
	private @Nullable Suggestion explicit(RepeatedLookup lookup) {
		if (lookup.aggregate() || lookup.filtered()) {
			return null;
		}
		JdbcMappingContext context = context();
		if (context == null) {
			return null;
		}
		for (Relation relation : mapped(context)) {
			if (relation.collection() && relation.table().equals(lookup.table())
					&& relation.column().equals(lookup.column())) {
				// What Spring Data JDBC reads to load a collection: not a query of the
				// application's, whose repository method could be named.
				return null;
			}
		}
		List<Suggestion> found = new ArrayList<>();
		for (RelationalPersistentEntity<?> entity : context.getPersistentEntities()) {
			if (!MappingSuggester.name(entity.getTableName().getReference()).equals(lookup.table())) {
				continue;
			}
			String aggregate = entity.getType().getSimpleName();
			for (RelationalPersistentProperty property : entity) {
				if (property.isEntity() || property.isEmbedded()
						|| !MappingSuggester.name(property.getColumnName().getReference()).equals(lookup.column())) {
					continue;
				}
				if (property.isIdProperty()) {
					found.add(new Suggestion("load", List.of(aggregate),
							"load the " + aggregate + " aggregates of all rows at once, with the collected ids",
							"findAllById(ids)"));
				}
				else {
					String by = StringUtils.capitalize(property.getName());
					String type = AggregateReference.class.isAssignableFrom(property.getType())
							? "AggregateReference<…>" : property.getType().getSimpleName();
					found.add(new Suggestion("load", List.of(aggregate + "." + property.getName()),
							"load the " + aggregate + " aggregates of all parents in one repository query, by "
									+ property.getName(),
							"List<" + aggregate + "> findBy" + by + "In(Collection<" + type + "> " + property.getName()
									+ "s)"));
				}
			}
		}
		return (found.size() == 1) ? found.get(0) : null;
	}

	@Override
	public boolean leadsTo(String table, RepeatedLookup lookup) {
		return !relations(lookup, table, false).isEmpty();
	}

	/**
	 * The properties of the aggregates read from {@code source} that read what
	 * {@code lookup} reads. An owned collection is read with each aggregate that holds it
	 * by its back-reference, whichever list those aggregates were looked up for: with
	 * {@code anyList}, or when the list is not known, it needs no source.
	 */
	private List<Relation> relations(RepeatedLookup lookup, @Nullable String source, boolean anyList) {
		if (lookup.aggregate() || lookup.filtered()) {
			return List.of();
		}
		JdbcMappingContext context = context();
		if (context == null) {
			return List.of();
		}
		List<Relation> relations = new ArrayList<>();
		for (Relation relation : mapped(context)) {
			boolean fromSource = (source != null && !(anyList && relation.collection()))
					? relation.owner().equals(source) : relation.collection();
			if (fromSource && relation.table().equals(lookup.table()) && relation.column().equals(lookup.column())) {
				relations.add(relation);
			}
		}
		return relations.stream().distinct().toList();
	}

	private @Nullable JdbcMappingContext context() {
		JdbcMappingContext context = this.context;
		if (context == null) {
			context = this.contexts.getIfUnique();
			this.context = context;
		}
		return context;
	}

	private List<Relation> mapped(JdbcMappingContext context) {
		Collection<RelationalPersistentEntity<?>> entities = context.getPersistentEntities();
		Mapped mapped = this.mapped;
		if (mapped.entities() != entities.size()) {
			mapped = new Mapped(entities.size(), relations(context, entities));
			this.mapped = mapped;
		}
		return mapped.relations();
	}

	/**
	 * Every owned collection and every aggregate reference of the entities the context
	 * has mapped so far.
	 */
	private static List<Relation> relations(JdbcMappingContext context,
			Collection<RelationalPersistentEntity<?>> entities) {
		List<Relation> relations = new ArrayList<>();
		for (RelationalPersistentEntity<?> entity : entities) {
			String owner = MappingSuggester.name(entity.getTableName().getReference());
			String aggregate = entity.getType().getSimpleName();
			for (RelationalPersistentProperty property : entity) {
				if (AggregateReference.class.isAssignableFrom(property.getType())) {
					RelationalPersistentEntity<?> target = referenced(entities, property);
					if (target != null && target.hasIdProperty()) {
						relations.add(new Relation(owner, aggregate, property.getName(), false,
								MappingSuggester.name(target.getTableName().getReference()),
								MappingSuggester.name(target.getIdColumn().getReference()),
								target.getType().getSimpleName()));
					}
				}
				else if (property.isEntity() && (property.isCollectionLike() || property.isMap())
						&& !property.isEmbedded()) {
					AggregatePath.TableInfo table = context.getAggregatePath(entity).append(property).getTableInfo();
					AggregatePath.ColumnInfos backReference = table.backReferenceColumnInfos();
					if (backReference.size() == 1) {
						relations.add(new Relation(owner, aggregate, property.getName(), true,
								MappingSuggester.name(table.qualifiedTableName().getReference()),
								MappingSuggester.name(backReference.unique().name().getReference()), null));
					}
				}
			}
		}
		return relations;
	}

	/** The aggregate an {@code AggregateReference<T, ID>} refers to, if it is mapped. */
	private static @Nullable RelationalPersistentEntity<?> referenced(
			Collection<RelationalPersistentEntity<?>> entities, RelationalPersistentProperty property) {
		Class<?> type = property.getTypeInformation()
			.getTypeArguments()
			.stream()
			.findFirst()
			.map(TypeInformation::getType)
			.orElse(null);
		for (RelationalPersistentEntity<?> entity : entities) {
			if (Objects.equals(entity.getType(), type)) {
				return entity;
			}
		}
		return null;
	}

	private record Mapped(int entities, List<Relation> relations) {
	}

	/**
	 * One property of an aggregate that reads another table.
	 *
	 * @param owner the aggregate's table
	 * @param aggregate the aggregate's type, as its code names it
	 * @param property the property
	 * @param collection whether it is an owned collection, or else a reference
	 * @param table the table it reads
	 * @param column the column it reads that table by: the back-reference, or the id
	 * @param target the referenced aggregate's type
	 */
	private record Relation(String owner, String aggregate, String property, boolean collection, String table,
			String column, @Nullable String target) {
	}

}
