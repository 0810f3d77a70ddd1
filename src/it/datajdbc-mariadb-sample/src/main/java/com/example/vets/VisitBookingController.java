package com.example.vets;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Books check-ups for a pet, then sends the browser to the visit list, as a form's POST
 * would.
 */
@Controller
class VisitBookingController {

	private static final int MAX_COUNT = 100;

	private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

	private final VisitRepository visits;

	VisitBookingController(VisitRepository visits) {
		this.visits = visits;
	}

	/**
	 * The visits saved one by one: an INSERT each, sent on its own. A few are what saving
	 * a form costs; from {@code nplusone.writes.unbatched-threshold} on, they are a batch
	 * that was never sent as one.
	 */
	@PostMapping("/visits")
	String book(@RequestParam long pet, @RequestParam int count) {
		for (Visit visit : checkUps(pet, count)) {
			this.visits.save(visit);
		}
		return "redirect:/visits";
	}

	/**
	 * The same visits saved together: Spring Data JDBC inserts the aggregates of one
	 * {@code saveAll} as JDBC batches.
	 */
	@PostMapping("/visits/batched")
	String bookTogether(@RequestParam long pet, @RequestParam int count) {
		this.visits.saveAll(checkUps(pet, count));
		return "redirect:/visits";
	}

	private static List<Visit> checkUps(long pet, int count) {
		if (count < 1 || count > MAX_COUNT) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "count must be from 1 to " + MAX_COUNT);
		}
		return IntStream.rangeClosed(1, count)
			.mapToObj((day) -> Visit.booked(pet, FIRST_DAY.plusDays(day), "check-up " + day))
			.toList();
	}

}
