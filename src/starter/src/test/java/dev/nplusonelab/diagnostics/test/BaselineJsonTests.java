package dev.nplusonelab.diagnostics.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BaselineJsonTests {

	@Test
	void objectsAreWrittenWithSortedKeysTwoSpacesALevelAndOneMemberALine() {
		Map<String, Object> inner = new LinkedHashMap<>();
		inner.put("statements", 11);
		inner.put("fingerprints", Map.of());
		Map<String, Object> outer = new LinkedHashMap<>();
		outer.put("b", inner);
		outer.put("a", List.of(1, "two", true));
		outer.put("c", List.of());

		assertThat(BaselineJson.write(outer)).isEqualTo("""
				{
				  "a" : [
				    1,
				    "two",
				    true
				  ],
				  "b" : {
				    "fingerprints" : { },
				    "statements" : 11
				  },
				  "c" : [ ]
				}
				""");
	}

	@Test
	void anObjectInAListIsIndentedOneLevelDeeper() {
		assertThat(BaselineJson.write(List.of(Map.of("a", 1), List.of(2)))).isEqualTo("""
				[
				  {
				    "a" : 1
				  },
				  [
				    2
				  ]
				]
				""");
	}

	@Test
	void spaceAroundValuesAndAValueAtTheVeryEndAreRead() {
		assertThat(BaselineJson.read("[ 1 , 2 ]")).isEqualTo(List.of(1L, 2L));
		assertThat(BaselineJson.read("12")).isEqualTo(12L);
		assertThat(BaselineJson.read("1e+2")).isEqualTo(100.0);
		assertThat(BaselineJson.read("{ \"a\" : 1 , \"b\" : [ ] }")).isEqualTo(Map.of("a", 1L, "b", List.of()));
	}

	@Test
	void textThatEndsTooSoonIsRejectedWhereItEnds() {
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("{\"a\": 1,"))
			.withMessage("Expected a member name at character 9");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("\"\\"))
			.withMessage("Expected an escape at character 3");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("\"\\u00e9"))
			.withMessage("Expected the end of a string at character 8");
	}

	@Test
	void theSameContentInAnotherOrderIsWrittenTheSame() {
		Map<String, Object> one = new LinkedHashMap<>();
		one.put("x", 1);
		one.put("y", 2);
		Map<String, Object> other = new LinkedHashMap<>();
		other.put("y", 2);
		other.put("x", 1);

		assertThat(BaselineJson.write(one)).isEqualTo(BaselineJson.write(other));
	}

	@Test
	void stringsAreEscapedAndReadBackAsTheyWere() {
		String text = "say \"hi\" \\ to\n\r\tall \u0001 of… us/";

		String json = BaselineJson.write(Map.of(text, text));

		assertThat(json).contains("\"say \\\"hi\\\" \\\\ to\\n\\r\\tall \\u0001 of… us/\"");
		assertThat(BaselineJson.read(json)).isEqualTo(Map.of(text, text));
	}

	@Test
	void readsEveryKindOfValue() {
		Object read = BaselineJson.read(
				" { \"n\" : -12 , \"d\": 1.5e2, \"t\": true, \"f\": false, \"z\": null, \"a\": [ {}, [], \"\\u00e9\\/\\b\\f\" ] } ");

		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("n", -12L);
		expected.put("d", 150.0);
		expected.put("t", true);
		expected.put("f", false);
		expected.put("z", null);
		expected.put("a", Arrays.asList(Map.of(), List.of(), "é/\b\f"));
		assertThat(read).isEqualTo(expected);
		assertThat(List.copyOf(((Map<?, ?>) read).keySet())).isEqualTo(List.of("n", "d", "t", "f", "z", "a"));
	}

	@Test
	void whatItWritesItReads() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("list", new ArrayList<>(List.of(1L, "x", Map.of("k", false))));
		value.put("nothing", null);

		assertThat(BaselineJson.read(BaselineJson.write(value))).isEqualTo(value);
	}

	@Test
	void textThatIsNotJsonIsRejectedWithWhereItWentWrong() {
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("{\"a\" 1}"))
			.withMessage("Expected ':' at character 6");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("{\"a\": 1} x"))
			.withMessage("Expected end of the text at character 10");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("{\"a"))
			.withMessage("Expected the end of a string at character 4");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("{1: 2}"))
			.withMessage("Expected a member name at character 2");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("[1, 2"))
			.withMessage("Expected ']' at character 6");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read(""))
			.withMessage("Expected a value at character 1");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("nul"))
			.withMessage("Expected a value at character 1");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("-"))
			.withMessage("Expected a value at character 1");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("\"\\x\""))
			.withMessage("Expected an escape at character 4");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("\"\\u00zz\""))
			.withMessage("Expected four hex digits at character 4");
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.read("\"\\u00"))
			.withMessage("Expected four hex digits at character 4");
	}

	@Test
	void onlyJsonValuesAreWritten() {
		assertThatIllegalArgumentException().isThrownBy(() -> BaselineJson.write(Map.of("when", new Object())))
			.withMessageStartingWith("Not a JSON value: java.lang.Object");
	}

}
