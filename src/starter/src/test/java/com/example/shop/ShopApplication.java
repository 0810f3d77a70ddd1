package com.example.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * A small application that is not the lab: its own package, a few endpoints that run SQL
 * through {@code JdbcClient}, one Spring Data JDBC aggregate. The starter's tests use it
 * as any application would use the starter.
 */
@SpringBootApplication
@EnableAsync
public class ShopApplication {

}
