package com.example.shop;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.view.AbstractView;

/**
 * A small application that is not the lab: its own package, a few endpoints that run SQL
 * through {@code JdbcClient}, one Spring Data JDBC aggregate. The starter's tests use it
 * as any application would use the starter.
 */
@SpringBootApplication
@EnableAsync
public class ShopApplication {

	/**
	 * A view found by its name, as a template is, that runs a statement while it renders.
	 */
	@Bean("shop/page")
	View namedPage(JdbcClient jdbc) {
		AbstractView view = new AbstractView() {

			@Override
			protected void renderMergedOutputModel(Map<String, Object> model, HttpServletRequest request,
					HttpServletResponse response) throws IOException {
				String title = jdbc.sql("SELECT title FROM book WHERE id = 1").query(String.class).single();
				ShopPages.html(response, "<h1>" + title + "</h1>");
			}

		};
		// What a template view says it writes, which content negotiation chooses by.
		view.setContentType("text/html;charset=UTF-8");
		return view;
	}

}
