/**
 * A small fetch layer over {@code JdbcClient}: what Django's {@code select_related} and
 * {@code prefetch_related} do, for Java records.
 * <ul>
 * <li>{@link dev.nplusonelab.query.ToOne} and {@link dev.nplusonelab.query.ToMany}
 * describe relations once;</li>
 * <li>{@link dev.nplusonelab.query.Select} loads root rows with their to-one relations
 * joined and per-row aggregates or subqueries
 * ({@link dev.nplusonelab.query.Lateral});</li>
 * <li>{@link dev.nplusonelab.query.Prefetch} loads the children of many parents with one
 * {@code = ANY(?)} statement;</li>
 * <li>{@link dev.nplusonelab.query.FetchPlan} puts them together for one view, by page
 * number or after a key ({@link dev.nplusonelab.query.Select#pagedAfter});</li>
 * <li>{@link dev.nplusonelab.query.Prefetch#asJson} nests a prefetch tree into the
 * parent's statement as JSON instead, read back with
 * {@link dev.nplusonelab.query.JsonRow}: one statement, for when round trips are
 * expensive.</li>
 * </ul>
 * It knows nothing of the bookstore: the relations and the plans live with the pages that
 * use them.
 */
@NullMarked
package dev.nplusonelab.query;

import org.jspecify.annotations.NullMarked;
