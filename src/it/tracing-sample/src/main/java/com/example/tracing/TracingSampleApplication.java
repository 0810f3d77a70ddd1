package com.example.tracing;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TracingSampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(TracingSampleApplication.class, args);
	}

}
