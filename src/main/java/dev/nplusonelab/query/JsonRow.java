package dev.nplusonelab.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One child read from a JSON array that {@link Prefetch#asJson} nested into its parent's
 * row, with getters named like {@link java.sql.ResultSet}'s, so a JSON mapper reads like
 * a row mapper.
 * <p>
 * Numbers are read as {@link BigDecimal} exactly as PostgreSQL wrote them, so
 * {@code 12.50} keeps its scale and compares equal to the value the same column gives
 * over JDBC.
 */
public final class JsonRow {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private final JsonNode node;

	private JsonRow(JsonNode node) {
		this.node = node;
	}

	/**
	 * The children in a JSON array column, mapped in order; an empty list for
	 * {@code null} or {@code []}.
	 */
	public static <T> List<T> list(@Nullable String json, Mapper<T> mapper) {
		if (json == null) {
			return List.of();
		}
		return list(JSON.readTree(json), mapper);
	}

	private static <T> List<T> list(@Nullable JsonNode array, Mapper<T> mapper) {
		if (array == null || array.isNull() || array.isEmpty()) {
			return List.of();
		}
		List<T> rows = new ArrayList<>(array.size());
		for (JsonNode element : array) {
			rows.add(mapper.map(new JsonRow(element)));
		}
		return rows;
	}

	public long getLong(String key) {
		JsonNode value = this.node.get(key);
		return (value == null || value.isNull()) ? 0 : value.longValue();
	}

	public int getInt(String key) {
		return (int) getLong(key);
	}

	public @Nullable String getString(String key) {
		JsonNode value = this.node.get(key);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	public @Nullable BigDecimal getBigDecimal(String key) {
		JsonNode value = this.node.get(key);
		return (value == null || value.isNull()) ? null : value.decimalValue();
	}

	public @Nullable LocalDate getLocalDate(String key) {
		String value = getString(key);
		return (value != null) ? LocalDate.parse(value) : null;
	}

	public @Nullable OffsetDateTime getOffsetDateTime(String key) {
		String value = getString(key);
		return (value != null) ? OffsetDateTime.parse(value) : null;
	}

	/** A nested level: the array under {@code key}, mapped in order. */
	public <T> List<T> getList(String key, Mapper<T> mapper) {
		return list(this.node.get(key), mapper);
	}

	/**
	 * Maps one JSON child to a record, the way a {@code RowMapper} maps one row.
	 *
	 * @param <T> the record
	 */
	@FunctionalInterface
	public interface Mapper<T> {

		T map(JsonRow row);

	}

}
