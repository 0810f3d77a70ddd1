package com.example.shop;

import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** Work a request hands to Spring Boot's executor. */
@Service
public class Reviews {

	private final JdbcClient jdbc;

	Reviews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Async
	public CompletableFuture<Integer> countLater() {
		return CompletableFuture
			.completedFuture(this.jdbc.sql("SELECT count(*) FROM review").query(Integer.class).single());
	}

}
