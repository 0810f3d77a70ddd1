package com.example.vets;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class BoomController {

	private final VetRepository vets;

	BoomController(VetRepository vets) {
		this.vets = vets;
	}

	/**
	 * A handler that fails after its first statement, with an exception nothing handles:
	 * the container answers with its error page, a 500, and the request's statements are
	 * still recorded, with that status.
	 */
	@GetMapping("/boom")
	String boom() {
		long vets = this.vets.count();
		throw new IllegalStateException("Failed on purpose, after counting " + vets + " vets");
	}

}
