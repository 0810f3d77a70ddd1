package com.example.orders;

import org.springframework.boot.SpringApplication;

/**
 * The sample on an embedded PostgreSQL: {@code ./mvnw spring-boot:test-run}.
 */
public class TestOrdersApplication {

	public static void main(String[] args) {
		SpringApplication.from(OrdersApplication::main).with(EmbeddedPostgresConfiguration.class).run(args);
	}

}
