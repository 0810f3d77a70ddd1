package dev.nplusonelab.diagnostics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.metamodel.mapping.Association;
import org.hibernate.metamodel.mapping.AttributeMapping;
import org.hibernate.metamodel.mapping.EntityAssociationMapping;
import org.hibernate.metamodel.mapping.EntityMappingType;
import org.hibernate.metamodel.mapping.ForeignKeyDescriptor;
import org.hibernate.metamodel.mapping.PluralAttributeMapping;
import org.hibernate.metamodel.mapping.SelectableMapping;
import org.hibernate.metamodel.mapping.ValuedModelPart;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

import dev.nplusonelab.diagnostics.Finding.Suggestion;

/**
 * Fixes named as a JPA developer reads them, from Hibernate's mapping metamodel: the
 * entity association a repeated statement loads ({@code Owner.pets}, {@code Pet.owner})
 * and the JPA fixes, a fetch join or an entity graph, or Hibernate's batch fetching.
 * <ul>
 * <li>A to-many ({@code @OneToMany}, {@code @ManyToMany}, {@code @ElementCollection}):
 * the repeats read its collection table by its key column, once per owner.</li>
 * <li>A to-one ({@code @ManyToOne}, {@code @OneToOne}): the repeats read the associated
 * entity's table by the column the association joins on, once per row of a list of the
 * entity that holds the association.</li>
 * </ul>
 * It names nothing when the mapping does not say which association it is: another table
 * or column, a count or a filtered read, a list of another entity than the association's
 * owner, or two associations that fit.
 */
final class HibernateSuggestions implements MappingSuggester {

	private final ObjectProvider<EntityManagerFactory> factories;

	/** Read once: the mapping does not change while the application runs. */
	private volatile @Nullable List<Mapped> associations;

	HibernateSuggestions(ObjectProvider<EntityManagerFactory> factories) {
		this.factories = factories;
	}

	@Override
	public @Nullable Suggestion suggest(RepeatedLookup lookup) {
		List<Mapped> found = associations(lookup, lookup.sourceTable());
		if (found.size() != 1) {
			return null;
		}
		Mapped association = found.get(0);
		String name = association.entity() + "." + association.attribute();
		String alias = association.entity().substring(0, 1).toLowerCase(Locale.ROOT);
		String join = (association.optional() ? "LEFT JOIN FETCH " : "JOIN FETCH ") + alias + "."
				+ association.attribute();
		String batched = association.toMany() ? "@BatchSize on " + name : "@BatchSize on " + association.target();
		return new Suggestion("join fetch", List.of(name),
				"join fetch " + name + ", or batch it with " + batched + " or hibernate.default_batch_fetch_size",
				"SELECT " + alias + " FROM " + association.entity() + " " + alias + " " + join
						+ ", or @EntityGraph(attributePaths = \"" + association.attribute() + "\")");
	}

	@Override
	public boolean leadsTo(String table, RepeatedLookup lookup) {
		return !associations(lookup, table).isEmpty();
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
		for (Mapped association : associations()) {
			boolean fromSource = (source != null) ? association.ownerTables().contains(source) : association.toMany();
			if (fromSource && association.table().equals(lookup.table())
					&& association.column().equals(lookup.column())) {
				found.add(association);
			}
		}
		return found.stream().distinct().toList();
	}

	/**
	 * Every association of every persistence unit, read the first time one exists: a
	 * finding before then (a statement counted while the application starts) names none.
	 */
	private List<Mapped> associations() {
		List<Mapped> associations = this.associations;
		if (associations == null) {
			List<EntityManagerFactory> factories = this.factories.orderedStream().toList();
			if (factories.isEmpty()) {
				return List.of();
			}
			List<Mapped> read = new ArrayList<>();
			factories.stream()
				.map((factory) -> factory.unwrap(SessionFactoryImplementor.class))
				.forEach((factory) -> factory.getMappingMetamodel()
					.forEachEntityDescriptor((entity) -> entity.forEachAttributeMapping((attribute) -> {
						Mapped association = mapped(attribute);
						if (association != null) {
							read.add(association);
						}
					})));
			associations = read.stream().distinct().toList();
			this.associations = associations;
		}
		return associations;
	}

	/**
	 * What an attribute reads, if it is an association over one column; declared by the
	 * entity that declares it, so that subclasses do not repeat it.
	 */
	private static @Nullable Mapped mapped(AttributeMapping attribute) {
		if (!(attribute.getDeclaringType() instanceof EntityMappingType entity)) {
			return null;
		}
		if (attribute instanceof PluralAttributeMapping plural) {
			ForeignKeyDescriptor key = plural.getKeyDescriptor();
			String column = column(key.getKeyPart());
			return (column != null) ? new Mapped(name(entity), tables(entity), attribute.getAttributeName(), true,
					MappingSuggester.name(key.getKeyTable()), column, true, null) : null;
		}
		if (attribute instanceof EntityAssociationMapping toOne && attribute instanceof Association association) {
			ForeignKeyDescriptor key = association.getForeignKeyDescriptor();
			boolean holdsKey = association.getSideNature() == ForeignKeyDescriptor.Nature.KEY;
			String column = column(holdsKey ? key.getTargetPart() : key.getKeyPart());
			String table = holdsKey ? key.getTargetTable() : key.getKeyTable();
			boolean optional = !holdsKey || nullable(key.getKeyPart());
			return (column != null) ? new Mapped(name(entity), tables(entity), attribute.getAttributeName(), false,
					MappingSuggester.name(table), column, optional, name(toOne.getAssociatedEntityMappingType()))
					: null;
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

	/**
	 * An association over one column.
	 *
	 * @param entity the entity that declares it
	 * @param ownerTables that entity's tables
	 * @param attribute its name
	 * @param toMany whether it is a collection
	 * @param table the table it reads: the collection's, or the associated entity's
	 * @param column the column it reads that table by
	 * @param optional whether a row may have none (a fetch join must then be an outer
	 * one)
	 * @param target the associated entity, for a to-one
	 */
	private record Mapped(String entity, Set<String> ownerTables, String attribute, boolean toMany, String table,
			String column, boolean optional, @Nullable String target) {
	}

}
