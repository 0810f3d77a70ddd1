package dev.nplusonelab.system;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.context.expression.MapAccessor;
import org.springframework.expression.AccessException;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The templates' accessor for the view records: it answers for the components of the
 * application's own records only, and goes first in the context, once.
 */
class RecordPropertiesTests {

	private final StandardEvaluationContext context = new StandardEvaluationContext();

	@Test
	void itReadsTheComponentsOfTheApplicationsRecords() throws AccessException {
		Row row = new Row(7, "Dune");

		assertThat(RecordProperties.INSTANCE.canRead(this.context, row, "title")).isTrue();
		assertThat(RecordProperties.INSTANCE.read(this.context, row, "title").getValue()).isEqualTo("Dune");
		assertThat(RecordProperties.INSTANCE.read(this.context, row, "id").getValue()).isEqualTo(7L);
	}

	@Test
	void itLeavesEverythingElseToTheAccessorsThatFollow() {
		Row row = new Row(7, "Dune");

		assertThat(RecordProperties.INSTANCE.canRead(this.context, row, "missing")).isFalse();
		assertThat(RecordProperties.INSTANCE.canRead(this.context, "text", "bytes")).isFalse();
		assertThat(RecordProperties.INSTANCE.canRead(this.context, null, "title")).isFalse();
		assertThat(RecordProperties.INSTANCE.canRead(this.context, new Paging(0, 10), "class")).isFalse();
		assertThat(RecordProperties.INSTANCE.canWrite(this.context, row, "title")).isFalse();
		assertThatExceptionOfType(AccessException.class)
			.isThrownBy(() -> RecordProperties.INSTANCE.read(this.context, row, "missing"));
	}

	@Test
	void itGoesFirstInTheContextAndOnlyOnce() {
		PropertyAccessor reflective = new ReflectivePropertyAccessor();
		this.context.setPropertyAccessors(List.of(new MapAccessor(), reflective));

		RecordProperties.install(this.context);
		RecordProperties.install(this.context);

		assertThat(this.context.getPropertyAccessors()).hasSize(3).startsWith(RecordProperties.INSTANCE);
		assertThat(this.context.getPropertyAccessors().get(2)).isSameAs(reflective);
		assertThat(new SpelExpressionParser().parseExpression("title").getValue(this.context, new Row(1, "Emma")))
			.isEqualTo("Emma");
	}

	record Row(long id, String title) {
	}

}
