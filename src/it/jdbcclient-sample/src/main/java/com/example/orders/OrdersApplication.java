package com.example.orders;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Orders and their customers through {@code JdbcClient} on PostgreSQL, with no ORM: an
 * application that knows nothing of the N+1 diagnostics beyond the starter on its
 * classpath.
 */
@SpringBootApplication
public class OrdersApplication {

	public static void main(String[] args) {
		SpringApplication.run(OrdersApplication.class, args);
	}

}
