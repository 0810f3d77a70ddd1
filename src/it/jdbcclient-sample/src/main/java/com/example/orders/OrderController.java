package com.example.orders;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OrderController {

	private final OrderLedger ledger;

	OrderController(OrderLedger ledger) {
		this.ledger = ledger;
	}

	/** Every order with its customer, the naive way: a statement per order. */
	@GetMapping("/orders")
	List<OrderLine> orders() {
		return this.ledger.naive();
	}

	/** The same list in two statements. */
	@GetMapping("/orders/batched")
	List<OrderLine> batchedOrders() {
		return this.ledger.batched();
	}

	/** Every order with what was paid of it: a sum per order. */
	@GetMapping("/orders/payments")
	List<OrderPayments> payments() {
		return this.ledger.payments();
	}

	/** The same list with the customers loaded a chunk of ids at a time: batch+1. */
	@GetMapping("/orders/chunked")
	List<OrderLine> chunkedOrders() {
		return this.ledger.chunked();
	}

	/**
	 * One order, read twice: once for the page's heading, once more for its body, the
	 * same statement with the same id from two lines.
	 */
	@GetMapping("/orders/{id}")
	OrderPage order(@PathVariable long id) {
		return new OrderPage(this.ledger.heading(id), this.ledger.line(id));
	}

	record OrderPage(String heading, OrderLine order) {
	}

}
