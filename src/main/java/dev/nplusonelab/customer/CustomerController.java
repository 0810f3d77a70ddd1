package dev.nplusonelab.customer;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.nplusonelab.system.ByMode;
import dev.nplusonelab.system.Mode;
import dev.nplusonelab.system.NotFoundException;
import dev.nplusonelab.system.Paging;
import dev.nplusonelab.diagnostics.web.StatementBudget;

@Controller
class CustomerController {

	private final ByMode<CustomerReader> readers;

	CustomerController(NaiveCustomerReader naive, OptimizedCustomerReader optimized) {
		this.readers = new ByMode<>(naive, optimized);
	}

	@StatementBudget(1)
	@GetMapping("/customers")
	String list(Mode mode, Paging paging, Model model) {
		model.addAttribute("list", this.readers.get(mode).list(paging).orElsePastTheEnd("customers"));
		return "customers/list";
	}

	@StatementBudget(4)
	@GetMapping("/customers/{id}")
	String detail(@PathVariable long id, Mode mode, Model model) {
		model.addAttribute("customer",
				this.readers.get(mode).detail(id).orElseThrow(() -> new NotFoundException("customer", id)));
		return "customers/detail";
	}

}
