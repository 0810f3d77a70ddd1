package com.example.vets;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class VetController {

	private final VetRepository vets;

	private final SpecialtyRepository specialties;

	private final JdbcClient jdbc;

	VetController(VetRepository vets, SpecialtyRepository specialties, JdbcClient jdbc) {
		this.vets = vets;
		this.specialties = specialties;
		this.jdbc = jdbc;
	}

	/**
	 * Every vet with its specialties. The N+1 is Spring Data JDBC's own: {@code findAll}
	 * reads the vets, then the specialties of each vet with one more statement, all from
	 * this one line of ours. The names of the specialties come from a single statement
	 * for all of them, whatever the number of vets.
	 */
	@GetMapping("/vets")
	List<VetView> vets() {
		List<Vet> vets = this.vets.findAll();
		return views(vets);
	}

	/**
	 * The same list with the starter's fix: {@code Vet.specialties} read for all vets at
	 * once by its back-reference column {@code vet}, not with each vet. The vets' rows
	 * come without their collection, then the rows of {@code vet_specialty} of all of
	 * them in one statement, the ids in an {@code IN} list that {@link JdbcClient}
	 * expands to a placeholder per id. Three statements, whatever the number of vets.
	 */
	@GetMapping("/vets/batched")
	List<VetView> batchedVets() {
		Map<Long, String> names = new HashMap<>();
		this.jdbc.sql("SELECT id, name FROM vet").query((row) -> {
			names.put(row.getLong("id"), row.getString("name"));
		});
		Map<Long, Set<VetSpecialty>> held = new HashMap<>();
		if (!names.isEmpty()) {
			this.jdbc.sql("SELECT vet, specialty FROM vet_specialty WHERE vet IN (:ids)")
				.param("ids", List.copyOf(names.keySet()))
				.query((row) -> {
					held.computeIfAbsent(row.getLong("vet"), (vet) -> new HashSet<>())
						.add(new VetSpecialty(AggregateReference.to(row.getLong("specialty"))));
				});
		}
		List<Vet> vets = names.entrySet()
			.stream()
			.map((vet) -> new Vet(vet.getKey(), vet.getValue(), held.getOrDefault(vet.getKey(), Set.of())))
			.toList();
		return views(vets);
	}

	/** The vets in the order of their ids, with the names of their specialties. */
	private List<VetView> views(List<Vet> vets) {
		Map<Long, String> names = new HashMap<>();
		this.specialties.findAll().forEach((specialty) -> names.put(specialty.id(), specialty.name()));
		return vets.stream()
			.map((vet) -> VetView.of(vet, names))
			.sorted(Comparator.comparingLong(VetView::id))
			.toList();
	}

}
