package fr.refactory.engine.expression;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * FEEL evaluation stays within its time budget and size limits (the defaults of
 * {@code refactory.engine.evaluation.*}), and ordinary expressions keep their meaning.
 */
class BoundedFeelTest {

	private static Object eval(String feel, Map<String, Object> variables) {
		return FeelExpressions.evaluate(FeelExpressions.parseFeel(feel), variables);
	}

	private static Object eval(String feel) {
		return eval(feel, Map.of());
	}

	@Test
	void aRangeOverTheItemLimitFailsBeforeItIsBuilt() {
		assertThatThrownBy(() -> eval("for i in 1..100000000 return i")).isInstanceOf(ExpressionFailure.class)
			.hasMessageContaining("100000000 items")
			.hasMessageContaining("refactory.engine.evaluation.max-items");
		assertThatThrownBy(() -> eval("count(for i in 1..100000000 return i)")).isInstanceOf(ExpressionFailure.class)
			.hasMessageContaining("refactory.engine.evaluation.max-items");
	}

	@Test
	void aRangeFromVariablesIsLimitedToo() {
		assertThatThrownBy(() -> eval("for i in a..b return i", Map.of("a", 1, "b", 50_000_000)))
			.isInstanceOf(ExpressionFailure.class)
			.hasMessageContaining("refactory.engine.evaluation.max-items");
	}

	@Test
	void theCombinationsOfSeveralIteratorsAreLimited() {
		assertThatThrownBy(() -> eval("count(for i in 1..50000, j in 1..50000 return 1)"))
			.isInstanceOf(ExpressionFailure.class)
			.hasMessageContaining("refactory.engine.evaluation.max-items");
	}

	@Test
	void aStringJoinBombFails() {
		assertThatThrownBy(() -> eval("string join(for i in 1..10000000 return \"xxxxxxxxxx\")"))
			.isInstanceOf(ExpressionFailure.class)
			.hasMessageContaining("refactory.engine.evaluation.max-items");
	}

	@Test
	void aDoublingStringFailsAtTheStringLimit() {
		assertThatThrownBy(
				() -> eval("for i in 1..40 return if i = 1 then \"xxxxxxxxxx\" else partial[-1] + partial[-1]"))
			.isInstanceOf(ExpressionFailure.class)
			.hasMessageContaining("refactory.engine.evaluation.max-string-length");
	}

	/** Built-ins that build more than they are given are refused before they build it. */
	@Test
	void theBuiltInsThatMultiplySizesAreRefusedBeforeTheyBuild() {
		List<Integer> thousand = java.util.stream.IntStream.rangeClosed(1, 1000).boxed().toList();
		List<Integer> sixtyThousand = java.util.stream.IntStream.rangeClosed(1, 60_000).boxed().toList();
		Map<String, Object> lists = Map.of("thousand", thousand, "sixtyThousand", sixtyThousand, "xs",
				java.util.Collections.nCopies(1000, "x"), "tenThousand", "x".repeat(10_000), "megabyte",
				"x".repeat(1_000_000), "hundredThousand",
				java.util.stream.IntStream.rangeClosed(1, 100_000).boxed().toList());

		assertRefused("string join(xs, tenThousand)", lists, "max-string-length");
		assertRefused("string join(delimiter: tenThousand, list: xs)", lists, "max-string-length");
		assertRefused("count(flatten(for i in 1..101 return thousand))", lists, "max-items");
		assertRefused("for i in 1..1000 return partial", lists, "max-items");
		assertRefused("concatenate(sixtyThousand, sixtyThousand)", lists, "max-items");
		assertRefused("count(union(sixtyThousand, sixtyThousand))", lists, "max-items");
		assertRefused("distinct values(concatenate(sixtyThousand, sixtyThousand))", lists, "max-items");
		assertRefused("append(hundredThousand, 0)", lists, "max-items");
		assertRefused("replace(megabyte, \"x\", \"yy\")", lists, "max-string-length");
		assertRefused("string length(string(decimal(1, 999999999)))", Map.of(), "scale");
		assertRefused("round up(1, 999999999)", Map.of(), "scale");
	}

	private static void assertRefused(String feel, Map<String, Object> variables, String limit) {
		assertThatThrownBy(() -> eval(feel, variables)).as(feel)
			.isInstanceOf(ExpressionFailure.class)
			.hasMessageContaining(limit);
	}

	@Test
	void aCatastrophicRegularExpressionStopsAtTheTimeBudget() {
		String input = "a".repeat(40) + "!";
		assertThatThrownBy(() -> eval("matches(\"" + input + "\", \"^(.*a){10}$\")"))
			.isInstanceOf(ExpressionFailure.class)
			.hasMessageContaining("time budget")
			.hasMessageContaining("refactory.engine.evaluation.time-budget");
	}

	@Test
	void ordinaryExpressionsKeepTheirMeaning() {
		assertThat(eval("for i in 1..3 return i * 2")).isEqualTo(List.of(2L, 4L, 6L));
		assertThat(eval("for i in 3..1 return i")).isEqualTo(List.of(3L, 2L, 1L));
		assertThat(eval("for i in [1, 2], j in [10, 20] return i + j")).isEqualTo(List.of(11L, 21L, 12L, 22L));
		assertThat(eval("for i in 1..4 return if i = 1 then 1 else partial[-1] * i"))
			.isEqualTo(List.of(1L, 2L, 6L, 24L));
		assertThat(eval("some x in [1, 5, 9] satisfies x > 8")).isEqualTo(true);
		assertThat(eval("every x in 1..3 satisfies x > 0")).isEqualTo(true);
		assertThat(eval("items[item > 1]", Map.of("items", List.of(1, 2, 3)))).isEqualTo(List.of(2L, 3L));
		assertThat(eval("string join([\"a\", \"b\"], \"-\")")).isEqualTo("a-b");
		assertThat(eval("string join(delimiter: \", \", list: [\"a\", \"b\"])")).isEqualTo("a, b");
		assertThat(eval("flatten([[1], [2, [3]]])")).isEqualTo(List.of(1L, 2L, 3L));
		assertThat(eval("concatenate([1], [2, 3])")).isEqualTo(List.of(1L, 2L, 3L));
		assertThat(eval("decimal(1 / 3, 2)")).isEqualTo(0.33);
		assertThat(eval("round up(5.5, 0)")).isEqualTo(6L);
		assertThat(eval("matches(\"Battery-12\", \"^battery-\\d+$\", \"i\")")).isEqualTo(true);
		assertThat(eval("matches(input: \"abc\", pattern: \"b\")")).isEqualTo(true);
		assertThat(eval("replace(\"a-b-c\", \"-\", \"+\")")).isEqualTo("a+b+c");
		assertThat(eval("split(\"a,b,,c\", \",\")")).isEqualTo(List.of("a", "b", "", "c"));
		assertThat(eval("extract(\"a1b22\", \"\\d+\")")).isEqualTo(List.of("1", "22"));
		assertThat(eval("matches(null, \"a\")")).isNull();
		assertThat(eval("{f: function(n) n * 2, r: f(5)}.r")).isEqualTo(10L);
		assertThat(eval("is defined(x)", Map.of("x", 1))).isEqualTo(true);
		assertThat(eval("sort([3, 1, 2], function(a, b) a < b)")).isEqualTo(List.of(1L, 2L, 3L));
		assertThat(eval("sum(for i in a..b return i)", Map.of("a", 1, "b", 100))).isEqualTo(5050L);
	}

	@Test
	void limitsThatAreNotPositiveAreRefusedNamingTheProperty() {
		assertThatThrownBy(() -> new EvaluationLimits(java.time.Duration.ZERO, null, null, null))
			.hasMessageContaining("refactory.engine.evaluation.time-budget");
		assertThatThrownBy(() -> new EvaluationLimits(null, -1, null, null))
			.hasMessageContaining("refactory.engine.evaluation.max-items");
	}

	@Test
	void anInvalidLiteralPatternIsRejectedWhenParsed() {
		assertThatThrownBy(() -> FeelExpressions.parseFeel("matches(x, \"(unclosed\")"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("(unclosed")
			.hasMessageContaining("matches");
		assertThatThrownBy(() -> FeelExpressions.parseFeel("replace(x, \"[a-\", \"b\")"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("replace");
		assertThatThrownBy(() -> FeelExpressions.parseFeel("split(x, \"*\")"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("split");
		assertThat(FeelExpressions.parseFeel("matches(x, pattern)")).isNotNull();
	}

}
