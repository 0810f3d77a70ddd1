package dev.nplusonelab.diagnostics.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint writes its body as it goes (an export of every row), so the statement
 * report must not buffer it: the body goes straight to the client and memory stays
 * bounded whatever its size. The statements are still counted and recorded, but the count
 * cannot go into {@code X-Sql-Statements} or {@code Server-Timing}, since those headers
 * left with the first bytes; read it from the request history under the id in
 * {@code X-Sql-Report}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface StreamedResponse {

}
