package com.example.vets;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.annotation.EnableCaching;

/**
 * A small pet clinic through Spring Data JDBC on MariaDB, spoken to in MySQL's dialect:
 * an application that knows nothing of the N+1 diagnostics beyond the starter on its
 * classpath.
 */
@SpringBootApplication
@EnableCaching
public class VetsApplication {

	public static void main(String[] args) {
		SpringApplication.run(VetsApplication.class, args);
	}

}
