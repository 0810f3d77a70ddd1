package dev.nplusonelab.diagnostics.detect;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.Attribute;
import org.hibernate.engine.FetchTiming;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.Association;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EmbeddableValuedModelPart;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.ManagedMappingType;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.ValuedModelPart;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import dev.nplusonelab.diagnostics.detect.Finding.Suggestion;

import dev.nplusonelab.diagnostics.capture.DataAccess;

/**
 * Fixes named as a JPA developer reads them, from Hibernate's mapping metamodel, for
 * statements Hibernate issued: the entity association a repeated statement loads
 * ({@code Owner.pets}, {@code Pet.owner}, {@code Article.contents.tags} through an
 * {@code @Embedded} object) and a fix that works where it is pasted.
 * <ul>
 * <li>A to-many ({@code @OneToMany}, {@code @ManyToMany}, {@code @ElementCollection}, on
 * either side): the repeats read its collection table by its key column, once per
 * owner.</li>
 * <li>A to-one ({@code @ManyToOne}, {@code @OneToOne}, on either side): the repeats read
 * the associated entity's table by the column the association joins on, once per row of a
 * list of the entity that holds the association.</li>
 * <li>When the association is {@code FetchType.EAGER}, that is the root cause, and the
 * fix says so: every query that does not fetch it loads it row by row.</li>
 * <li>When the entity has other EAGER associations, an entity graph is a {@code LOAD}
 * graph: Spring Data's default {@code FETCH} graph would make them lazy, and a page that
 * reads them after the transaction would fail.</li>
 * <li>On a paged list, a collection is never fetched with a join, which makes Hibernate
 * read every row and page in memory: it is batched instead, or the page's ids are read
 * first.</li>
 * <li>A lookup by id, or by a to-one's key, that no association explains (a repository
 * call per row): one query for all the keys, named after the entity.</li>
 * </ul>
 * It names nothing for statements Hibernate did not issue, nor when the mapping does not
 * say what the statement reads: another table or column, a count or a filtered read, or
 * two associations that fit.
 */
public final class HibernateSuggestions implements MappingSuggester {

	private final ObjectProvider<EntityManagerFactory> factories;

	/** Read once: the mapping does not change while the application runs. */
	private volatile @Nullable Mapping mapping;

	public HibernateSuggestions(ObjectProvider<EntityManagerFactory> factories) {
		this.factories = factories;
	}

	@Override
	public @Nullable Suggestion suggest(RepeatedLookup lookup) {
		if (lookup.issuer() != DataAccess.HIBERNATE) {
			return null;
		}
		// The association of an entity that Hibernate loaded: rows a JdbcTemplate read
		// are
		// no entities, and what Hibernate reads for each of them is a lookup per row.
		boolean entities = lookup.source() == null || lookup.source().issuer() == DataAccess.HIBERNATE;
		List<Mapped> found = entities ? associations(lookup, lookup.sourceTable()) : List.of();
		if (found.size() == 1) {
			Mapped association = found.get(0);
			return association.toMany() ? toMany(association, lookup) : toOne(association, lookup);
		}
		return found.isEmpty() ? explicit(lookup, entities) : either(found);
	}

	/**
	 * Two to-one associations of the list's entity that read the same rows
	 * ({@code Visit.vet} and {@code Visit.assistant}): which one the page reads, the
	 * statements do not say, so both are named.
	 */
	private static @Nullable Suggestion either(List<Mapped> found) {
		Mapped first = found.get(0);
		boolean sameTarget = found.stream()
			.allMatch((a) -> !a.toMany() && a.entity().equals(first.entity())
					&& java.util.Objects.equals(a.target(), first.target()));
		if (!sameTarget) {
			return null;
		}
		List<String> names = found.stream().map(Mapped::name).sorted().toList();
		String alias = first.alias();
		String joins = String.join(" ",
				found.stream()
					.map(Mapped::path)
					.sorted()
					.map((path) -> "LEFT JOIN FETCH " + alias + "." + path)
					.toList());
		return new Suggestion("join fetch", names,
				String.join(" or ", names) + ", which both read " + first.target()
						+ " by id: join fetch the one the page reads, or batch them with @BatchSize on "
						+ first.target() + " or hibernate.default_batch_fetch_size",
				"SELECT " + alias + " FROM " + first.entity() + " " + alias + " " + joins);
	}

	/**
	 * Batches of an association smaller than the list: a batch size that takes every key
	 * of the list, where Hibernate reads it for that association ({@code @BatchSize} on a
	 * collection, or on the entity class a to-one refers to), or the global default; or a
	 * fetch join, except for a collection on a paged list.
	 */
	@Override
	public @Nullable Suggestion suggestForBatches(RepeatedLookup lookup, int keys) {
		if (lookup.issuer() != DataAccess.HIBERNATE
				|| (lookup.source() != null && lookup.source().issuer() != DataAccess.HIBERNATE)) {
			return null;
		}
		List<Mapped> found = associations(lookup, lookup.sourceTable());
		if (found.size() != 1) {
			return null;
		}
		Mapped association = found.get(0);
		String name = association.name();
		String where = association.toMany() ? name : "the " + association.target() + " entity";
		String batch = "@BatchSize(size = " + keys + ") on " + where;
		String global = "spring.jpa.properties.hibernate.default_batch_fetch_size=" + keys;
		String summary = "load the " + keys + " keys in one batch: a batch size of at least " + keys + " for " + name
				+ ", with @BatchSize on " + where + " or hibernate.default_batch_fetch_size";
		if (association.toMany() && lookup.sourcePaged()) {
			return new Suggestion("batch", List.of(name),
					summary + " (on a paged query, a fetch join of a collection makes Hibernate read every row and "
							+ "page in memory)",
					batch + ", or " + global);
		}
		String alias = association.alias();
		String join = (association.toMany() || association.optional()) ? "LEFT JOIN FETCH " : "JOIN FETCH ";
		return new Suggestion("batch", List.of(name), summary + "; or join fetch " + name + " in the list's query",
				batch + ", or " + global + ", or SELECT " + alias + " FROM " + association.entity() + " " + alias + " "
						+ join + alias + "." + association.path());
	}

	@Override
	public boolean leadsTo(String table, RepeatedLookup lookup) {
		return !associations(lookup, table).isEmpty();
	}

	private Suggestion toMany(Mapped association, RepeatedLookup lookup) {
		String name = association.name();
		String alias = association.alias();
		String eager = eager(association);
		if (lookup.sourcePaged()) {
			int size = Math.max(lookup.count(), 2);
			return new Suggestion("batch", List.of(name),
					eager + "batch it with @BatchSize(size = " + size + ") on " + name
							+ " or hibernate.default_batch_fetch_size: on a paged query, a fetch join of a collection "
							+ "makes Hibernate read every row and page in memory" + lazy(association),
					"@BatchSize(size = " + size + ") on " + name + ", or read the page's ids first, then SELECT "
							+ alias + " FROM " + association.entity() + " " + alias + " LEFT JOIN FETCH " + alias + "."
							+ association.path() + " WHERE " + alias + ".id IN :ids");
		}
		return new Suggestion("join fetch", List.of(name),
				eager + "join fetch " + name + ", or batch it with @BatchSize on " + name
						+ " or hibernate.default_batch_fetch_size" + loadGraphReason(association) + lazy(association),
				"SELECT " + alias + " FROM " + association.entity() + " " + alias + " LEFT JOIN FETCH " + alias + "."
						+ association.path() + ", or " + graph(association));
	}

	private Suggestion toOne(Mapped association, RepeatedLookup lookup) {
		String name = association.name();
		String alias = association.alias();
		String join = (association.optional() ? "LEFT JOIN FETCH " : "JOIN FETCH ") + alias + "." + association.path();
		String fetch = "SELECT " + alias + " FROM " + association.entity() + " " + alias + " " + join + ", or "
				+ graph(association);
		if (association.eager() && !association.holdsKey()) {
			return new Suggestion("join fetch", List.of(name),
					name + " is the inverse side of a one-to-one, which " + "Hibernate loads with each "
							+ association.entity() + " whatever its fetch type: join fetch it "
							+ "in the list's query, or map the association on the " + association.target()
							+ " side only" + loadGraphReason(association),
					fetch);
		}
		return new Suggestion("join fetch", List.of(name),
				eager(association) + "join fetch " + name + ", or batch it with @BatchSize on " + association.target()
						+ " or hibernate.default_batch_fetch_size" + loadGraphReason(association) + lazy(association),
				fetch);
	}

	/**
	 * The root cause, when the association is EAGER: every query that does not fetch it
	 * loads it row by row.
	 */
	private static String eager(Mapped association) {
		if (!association.eager()) {
			return "";
		}
		String defaults = association.toMany() ? "" : " (the default for @" + association.annotation() + ")";
		return association.name() + " is FetchType.EAGER" + defaults
				+ ", so every query that does not fetch it loads it row by row: ";
	}

	/**
	 * Where the association is EAGER, what making it LAZY takes: a page that reads it
	 * after its transaction then fails, so it is the cause, not the first fix.
	 */
	private static String lazy(Mapped association) {
		return association.eager() ? "; FetchType.LAZY removes the cause where every page that reads "
				+ association.name() + " fetches it or reads it within its transaction" : "";
	}

	/** An entity graph that leaves the entity's other EAGER associations as they are. */
	private static String graph(Mapped association) {
		return association.otherEager().isEmpty() ? "@EntityGraph(attributePaths = \"" + association.path() + "\")"
				: "@EntityGraph(type = EntityGraphType.LOAD, attributePaths = \"" + association.path() + "\")";
	}

	private static String loadGraphReason(Mapped association) {
		if (association.otherEager().isEmpty()) {
			return "";
		}
		return "; a LOAD graph keeps " + association.entity() + "'s other EAGER associations ("
				+ String.join(", ", association.otherEager())
				+ ") as mapped, where the default FETCH graph would make them lazy";
	}

	/**
	 * A lookup no association explains: a repository call per row, by the entity's id or
	 * by a to-one's key.
	 */
	private @Nullable Suggestion explicit(RepeatedLookup lookup, boolean loadedByHibernate) {
		if (lookup.aggregate() || lookup.filtered()) {
			return null;
		}
		Mapping mapping = mapping();
		List<String> entities = mapping.entities()
			.stream()
			.filter((entity) -> entity.table().equals(lookup.table()))
			.map(Entity::name)
			.distinct()
			.toList();
		if (entities.size() != 1) {
			return null;
		}
		String entity = entities.get(0);
		String alias = entity.substring(0, 1).toLowerCase(Locale.ROOT);
		if (mapping.entities().stream().anyMatch((e) -> e.name().equals(entity) && e.id().equals(lookup.column()))) {
			String together = "findAllById(ids), or SELECT " + alias + " FROM " + entity + " " + alias + " WHERE "
					+ alias + ".id IN :ids";
			if (!loadedByHibernate) {
				return new Suggestion("load", List.of(entity),
						"look the " + entity + " entities of all rows up together, with the collected ids", together);
			}
			return new Suggestion("load", List.of(entity),
					"load the " + entity + " entities of all rows at once: join fetch the association that refers "
							+ "to them in the list's query, or, for a lookup per row, look them up together",
					"JOIN FETCH in the list's query, or " + together);
		}
		List<Mapped> keys = mapping.associations()
			.stream()
			.filter((a) -> !a.toMany() && a.holdsKey() && a.entity().equals(entity)
					&& a.keyColumn().equals(lookup.column()))
			.toList();
		if (keys.size() != 1) {
			return null;
		}
		Mapped key = keys.get(0);
		String ids = key.path().replace(".", "") + "Ids";
		return new Suggestion("load", List.of(key.name()),
				"load the " + entity + " entities of all the " + key.target() + " rows in one query, by " + key.name(),
				"SELECT " + alias + " FROM " + entity + " " + alias + " WHERE " + alias + "." + key.path() + "."
						+ key.targetId() + " IN :" + ids);
	}

	/**
	 * The associations of the entities read from {@code source} (any entity, when it is
	 * not known, for a to-many, whose owner its key names) that read what {@code lookup}
	 * reads.
	 */
	private List<Mapped> associations(RepeatedLookup lookup, @Nullable String source) {
		if (lookup.aggregate() || lookup.filtered()) {
			return List.of();
		}
		List<Mapped> found = new ArrayList<>();
		for (Mapped association : mapping().associations()) {
			boolean fromSource = (source != null) ? association.ownerTables().contains(source) : association.toMany();
			if (fromSource && association.table().equals(lookup.table())
					&& association.column().equals(lookup.column())) {
				found.add(association);
			}
		}
		// Usually one: the records, sets and lists of a mapping are hashed only to drop
		// a repeat.
		return (found.size() < 2) ? List.copyOf(found) : found.stream().distinct().toList();
	}

	/**
	 * Every association and entity of every persistence unit, read the first time one
	 * exists: a finding before then (a statement counted while the application starts)
	 * names none.
	 */
	private Mapping mapping() {
		Mapping mapping = this.mapping;
		if (mapping == null) {
			List<EntityManagerFactory> factories = this.factories.orderedStream().toList();
			if (factories.isEmpty()) {
				return new Mapping(List.of(), List.of());
			}
			List<Mapped> associations = new ArrayList<>();
			List<Entity> entities = new ArrayList<>();
			factories.stream()
				.map((factory) -> factory.unwrap(SessionFactoryImplementor.class))
				.forEach((factory) -> factory.getMappingMetamodel().forEachEntityDescriptor((entity) -> {
					String id = column(entity.getIdentifierMapping());
					tables(entity)
						.forEach((table) -> entities.add(new Entity(name(entity), table, (id != null) ? id : "")));
					List<Mapped> declared = new ArrayList<>();
					read(factory, entity, entity, "", declared);
					Set<String> eager = new HashSet<>();
					declared.stream().filter(Mapped::eager).forEach((a) -> eager.add(a.path()));
					declared.forEach((association) -> associations.add(association.besides(eager)));
				}));
			mapping = new Mapping(associations.stream().distinct().toList(), List.copyOf(entities));
			this.mapping = mapping;
		}
		return mapping;
	}

	/**
	 * The associations of {@code type}, an entity or an embeddable inside one, declared
	 * there (so that subclasses do not repeat them), under the path {@code prefix}.
	 */
	private static void read(SessionFactoryImplementor factory, EntityMappingType entity, ManagedMappingType type,
			String prefix, List<Mapped> found) {
		type.forEachAttributeMapping((attribute) -> {
			if (type == entity && attribute.getDeclaringType() != entity) {
				return;
			}
			if (attribute instanceof EmbeddableValuedModelPart embedded && !(attribute instanceof Association)) {
				read(factory, entity, embedded.getEmbeddableTypeDescriptor(),
						prefix + attribute.getAttributeName() + ".", found);
				return;
			}
			Mapped association = mapped(entity, attribute, prefix, annotation(factory, type, attribute));
			if (association != null) {
				found.add(association);
			}
		});
	}

	/**
	 * How the attribute is mapped, as JPA's metamodel says: {@code ManyToOne},
	 * {@code OneToOne}, …
	 */
	private static String annotation(SessionFactoryImplementor factory, ManagedMappingType type,
			AttributeMapping attribute) {
		try {
			Attribute<?, ?> jpa = factory.getJpaMetamodel()
				.managedType(type.getJavaType().getJavaTypeClass())
				.getAttribute(attribute.getAttributeName());
			return switch (jpa.getPersistentAttributeType()) {
				case MANY_TO_ONE -> "ManyToOne";
				case ONE_TO_ONE -> "OneToOne";
				case ONE_TO_MANY -> "OneToMany";
				case MANY_TO_MANY -> "ManyToMany";
				case ELEMENT_COLLECTION -> "ElementCollection";
				default -> "";
			};
		}
		catch (IllegalArgumentException ex) {
			return "";
		}
	}

	/** What an attribute reads, if it is an association over one column. */
	private static @Nullable Mapped mapped(EntityMappingType entity, AttributeMapping attribute, String prefix,
			String annotation) {
		boolean eager = attribute.getMappedFetchOptions().getTiming() == FetchTiming.IMMEDIATE;
		String path = prefix + attribute.getAttributeName();
		if (attribute instanceof PluralAttributeMapping plural) {
			ForeignKeyDescriptor key = plural.getKeyDescriptor();
			String column = column(key.getKeyPart());
			return (column != null)
					? new Mapped(name(entity), tables(entity), path, true, MappingSuggester.name(key.getKeyTable()),
							column, true, null, eager, true, "", annotation, List.of(), "")
					: null;
		}
		if (attribute instanceof EntityAssociationMapping toOne && attribute instanceof Association association) {
			ForeignKeyDescriptor key = association.getForeignKeyDescriptor();
			boolean holdsKey = association.getSideNature() == ForeignKeyDescriptor.Nature.KEY;
			String column = column(holdsKey ? key.getTargetPart() : key.getKeyPart());
			String table = holdsKey ? key.getTargetTable() : key.getKeyTable();
			boolean optional = !holdsKey || nullable(key.getKeyPart());
			String keyColumn = holdsKey ? column(key.getKeyPart()) : null;
			return (column != null) ? new Mapped(name(entity), tables(entity), path, false,
					MappingSuggester.name(table), column, optional, name(toOne.getAssociatedEntityMappingType()), eager,
					holdsKey, (keyColumn != null) ? keyColumn : "", annotation, List.of(),
					toOne.getAssociatedEntityMappingType().getIdentifierMapping().getAttributeName()) : null;
		}
		return null;
	}

	/** The one column of a key, or {@code null} for a key of several. */
	private static @Nullable String column(ValuedModelPart part) {
		List<SelectableMapping> columns = new ArrayList<>();
		part.forEachSelectable((index, column) -> columns.add(column));
		return (columns.size() == 1 && !columns.get(0).isFormula())
				? MappingSuggester.name(columns.get(0).getSelectionExpression()) : null;
	}

	private static boolean nullable(ValuedModelPart part) {
		boolean[] nullable = new boolean[1];
		part.forEachSelectable((index, column) -> nullable[0] |= column.isNullable());
		return nullable[0];
	}

	/** Every table the entity's rows are in (several with joined inheritance). */
	private static Set<String> tables(EntityMappingType entity) {
		Set<String> tables = new HashSet<>();
		entity.forEachTableDetails((table) -> tables.add(MappingSuggester.name(table.getTableName())));
		return Set.copyOf(tables);
	}

	/** The name JPQL knows it by: {@code Owner}. */
	private static String name(EntityMappingType entity) {
		return entity.getEntityPersister().getJpaEntityName();
	}

	private record Mapping(List<Mapped> associations, List<Entity> entities) {
	}

	/**
	 * One table of an entity.
	 *
	 * @param name the entity's JPQL name
	 * @param table the table
	 * @param id its id column, or empty when the id has several
	 */
	private record Entity(String name, String table, String id) {
	}

	/**
	 * An association over one column.
	 *
	 * @param entity the entity that declares it
	 * @param ownerTables that entity's tables
	 * @param path its attribute path from the entity, through embedded objects
	 * ({@code contents.tags})
	 * @param toMany whether it is a collection
	 * @param table the table it reads: the collection's, or the associated entity's
	 * @param column the column it reads that table by
	 * @param optional whether a row may have none (a fetch join must then be an outer
	 * one)
	 * @param target the associated entity, for a to-one
	 * @param eager whether it is {@code FetchType.EAGER}
	 * @param holdsKey whether its entity's table holds the foreign key (the owning side
	 * of a to-one)
	 * @param keyColumn that foreign key, for a to-one that holds it
	 * @param annotation how JPA maps it: {@code ManyToOne}, {@code OneToOne}, …
	 * @param otherEager the paths of its entity's other EAGER associations
	 * @param targetId the id attribute of the associated entity, for a to-one
	 */
	private record Mapped(String entity, Set<String> ownerTables, String path, boolean toMany, String table,
			String column, boolean optional, @Nullable String target, boolean eager, boolean holdsKey, String keyColumn,
			String annotation, List<String> otherEager, String targetId) {

		String name() {
			return this.entity + "." + this.path;
		}

		String alias() {
			return this.entity.substring(0, 1).toLowerCase(Locale.ROOT);
		}

		/** This association, knowing the paths of every EAGER one of its entity. */
		Mapped besides(Set<String> eager) {
			Set<String> others = new TreeSet<>(eager);
			others.remove(this.path);
			return new Mapped(this.entity, this.ownerTables, this.path, this.toMany, this.table, this.column,
					this.optional, this.target, this.eager, this.holdsKey, this.keyColumn, this.annotation,
					List.copyOf(others), this.targetId);
		}

	}

}
