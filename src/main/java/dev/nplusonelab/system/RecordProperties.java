package dev.nplusonelab.system;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPreProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.preprocessor.IPreProcessor;
import org.thymeleaf.preprocessor.PreProcessor;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * Reads the components of the lab's own view records for the templates, ahead of SpEL's
 * reflective accessor.
 * <p>
 * In Spring Framework 7.0, SpEL never reuses the reflective accessor it found for a
 * property the time before (spring-projects/spring-framework#36987, fixed in 7.1): every
 * {@code ${book.title}} looks the getter up again, and Thymeleaf checks each time that
 * the member may be called. On the book list that was most of rendering its fifty rows.
 * This accessor sits in the evaluation context's own list, so SpEL keeps it and calls it
 * straight away on the next read. It answers only for records declared in this
 * application's packages, and only for their components, which are plain data; anything
 * else goes to the accessors that follow, with Thymeleaf's checks.
 */
final class RecordProperties implements PropertyAccessor {

	static final RecordProperties INSTANCE = new RecordProperties();

	private static final String PACKAGE = "dev.nplusonelab.";

	private static final ClassValue<Map<String, Method>> COMPONENTS = new ClassValue<>() {

		@Override
		protected Map<String, Method> computeValue(Class<?> type) {
			if (!type.isRecord() || !type.getName().startsWith(PACKAGE)) {
				return Map.of();
			}
			Map<String, Method> accessors = new HashMap<>();
			for (RecordComponent component : type.getRecordComponents()) {
				Method accessor = component.getAccessor();
				accessor.setAccessible(true);
				accessors.put(component.getName(), accessor);
			}
			return Map.copyOf(accessors);
		}

	};

	private RecordProperties() {
	}

	@Override
	public Class<?> @Nullable [] getSpecificTargetClasses() {
		return null;
	}

	@Override
	public boolean canRead(EvaluationContext context, @Nullable Object target, String name) {
		return target != null && COMPONENTS.get(target.getClass()).containsKey(name);
	}

	@Override
	public TypedValue read(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
		Method accessor = (target != null) ? COMPONENTS.get(target.getClass()).get(name) : null;
		if (accessor == null) {
			throw new AccessException("No component " + name + " on " + target);
		}
		try {
			return new TypedValue(accessor.invoke(target));
		}
		catch (ReflectiveOperationException ex) {
			throw new AccessException("Could not read " + name + " of " + target, ex);
		}
	}

	@Override
	public boolean canWrite(EvaluationContext context, @Nullable Object target, String name) {
		return false;
	}

	@Override
	public void write(EvaluationContext context, @Nullable Object target, String name, @Nullable Object newValue)
			throws AccessException {
		throw new AccessException("The view records are read-only");
	}

	/**
	 * Puts the accessor first among the general ones of the evaluation context a page is
	 * rendered with, once per page.
	 */
	static final class Dialect extends AbstractDialect implements IPreProcessorDialect {

		Dialect() {
			super("Record properties");
		}

		@Override
		public int getDialectPreProcessorPrecedence() {
			return 0;
		}

		@Override
		public Set<IPreProcessor> getPreProcessors() {
			return Set.of(new PreProcessor(TemplateMode.HTML, Installer.class, 0));
		}

	}

	/**
	 * Installs the accessor when a template starts; a template handler for nothing else.
	 */
	public static final class Installer extends AbstractTemplateHandler {

		@Override
		public void setContext(ITemplateContext context) {
			super.setContext(context);
			install(context.getVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME));
		}

	}

	static void install(@Nullable Object evaluationContext) {
		if (!(evaluationContext instanceof StandardEvaluationContext context)) {
			return;
		}
		List<PropertyAccessor> accessors = context.getPropertyAccessors();
		if (accessors.contains(INSTANCE)) {
			return;
		}
		List<PropertyAccessor> installed = new ArrayList<>(accessors.size() + 1);
		installed.add(INSTANCE);
		installed.addAll(accessors);
		context.setPropertyAccessors(installed);
	}

}
