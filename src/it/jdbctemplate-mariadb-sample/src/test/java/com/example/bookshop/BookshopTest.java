package com.example.bookshop;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The whole sample on real ports, the application's and the management one, on a scratch
 * database of the machine's MariaDB. Every test class that carries it shares one context,
 * so one database: tests that add tags or an index take them away again. The indexes read
 * for the starter's index hints are trusted for a second, so that a test sees an index it
 * added without waiting ten minutes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "nplusone.index-hints.refresh=1s" })
@Import(ScratchDatabaseConfiguration.class)
@interface BookshopTest {

}
