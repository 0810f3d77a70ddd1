package dev.nplusonelab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class NPlusOneLabApplication {

	public static void main(String[] args) {
		SpringApplication.run(NPlusOneLabApplication.class, args);
	}

}
