package dev.nplusonelab.diagnostics.autoconfigure;

import java.util.List;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogicFactory;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.task.TaskDecorator;
import org.springframework.util.ClassUtils;

import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.capture.Capturing;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.detect.FixSuggester;
import dev.nplusonelab.diagnostics.detect.NPlusOneDetector;
import dev.nplusonelab.diagnostics.detect.SqlDiagnostics;
import dev.nplusonelab.diagnostics.detect.SqlRuleScope;
import dev.nplusonelab.diagnostics.history.SqlExplainer;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;
import dev.nplusonelab.diagnostics.web.SqlMetrics;

/**
 * The diagnostics that need no web server: every DataSource wrapped once, the capture of
 * reports per thread, the detector, the history, EXPLAIN and the unattributed-statement
 * counter. Test slices ({@code @DataJdbcTest}, {@code @DataJpaTest}, {@code @JdbcTest})
 * import it too, so that {@code @ExpectStatements} works there.
 * <p>
 * With {@code nplusone.enabled=false}, none of it exists: no DataSource is wrapped.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass({ DataSource.class, ProxyDataSourceBuilder.class })
@ConditionalOnBooleanProperty(name = "nplusone.enabled", matchIfMissing = true)
@EnableConfigurationProperties(NPlusOneProperties.class)
public class NPlusOneAutoConfiguration {

	/** Micrometer Tracing's API, which an application that traces has. */
	private static final String TRACER = "io.micrometer.tracing.Tracer";

	/**
	 * Static, so that it is registered before any DataSource is created; it looks the
	 * listeners up only when it wraps the first one.
	 */
	@Bean
	static BeanPostProcessor nplusoneDataSourcePostProcessor(
			@Qualifier("nplusoneStatementListener") ObjectProvider<QueryExecutionListener> listener,
			ObjectProvider<ResultSetProxyLogicFactory> resultSets) {
		return Capturing.dataSourcePostProcessor(listener, resultSets);
	}

	@Bean
	@ConditionalOnMissingBean
	SqlCapture sqlCapture(NPlusOneProperties properties) {
		return new SqlCapture(properties.getMaxStatementsPerRequest());
	}

	/**
	 * A bean, so that the data-source decorator, when the application has it, puts it in
	 * its own proxy chain; the post-processor then leaves that DataSource alone.
	 */
	@Bean
	QueryExecutionListener nplusoneStatementListener(SqlCapture capture, NPlusOneProperties properties,
			BeanFactory beanFactory) {
		NPlusOneProperties.CallSites callSites = properties.getCallSites();
		if (!callSites.isEnabled()) {
			return Capturing.listenerWithoutCallSites(capture);
		}
		List<String> packages = !properties.getApplicationPackages().isEmpty() ? properties.getApplicationPackages()
				: AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
		// The trace names the method of a finding's call site; an application that cannot
		// trace never pays for noting it.
		boolean traces = ClassUtils.isPresent(TRACER, NPlusOneAutoConfiguration.class.getClassLoader());
		return Capturing.listener(capture, packages, callSites.getSkip(), callSites.getMaxDepth(), traces);
	}

	/**
	 * Counts rows (and bytes) as the application reads results; the data-source decorator
	 * picks it up as its result-set proxy, unless the application has its own.
	 */
	@Bean
	@ConditionalOnMissingBean(ResultSetProxyLogicFactory.class)
	ResultSetProxyLogicFactory nplusoneResultSets(SqlCapture capture, NPlusOneProperties properties) {
		return Capturing.resultSets(capture, properties.getResultSet().isBytes());
	}

	@Bean
	SqlMetrics sqlMetrics(SqlCapture capture) {
		return new SqlMetrics(capture);
	}

	/**
	 * The application's suggesters first, in their order, then the starter's that read
	 * the application's mapping (Hibernate, Spring Data JDBC); the detector adds the
	 * built-in one last.
	 */
	/**
	 * The application's suggesters first, in their order, then the starter's that read
	 * the application's mapping (Hibernate, Spring Data JDBC); the detector puts them in
	 * that order and adds the built-in one last.
	 */
	@Bean
	@ConditionalOnMissingBean
	NPlusOneDetector nPlusOneDetector(ObjectProvider<FixSuggester> suggesters, NPlusOneProperties properties) {
		return new NPlusOneDetector(suggesters.orderedStream().toList(),
				properties.getWrites().getUnbatchedThreshold());
	}

	@Bean
	@ConditionalOnMissingBean
	SqlDiagnostics sqlDiagnostics(NPlusOneDetector detector, NPlusOneProperties properties,
			ObjectProvider<SqlRuleScope> scope, ObjectProvider<DataSource> dataSource) {
		// Index hints read the one DataSource's metadata; with several, a finding cannot
		// say which database it ran on.
		return new SqlDiagnostics(detector, properties, scope.getIfUnique(() -> SqlRuleScope.EVERY_REQUEST),
				dataSource.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "nplusone.history.enabled", matchIfMissing = true)
	SqlRequestHistory sqlRequestHistory(NPlusOneProperties properties) {
		return new SqlRequestHistory(properties.getHistory().getSize());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnSingleCandidate(DataSource.class)
	@ConditionalOnBooleanProperty(name = "nplusone.explain", matchIfMissing = true)
	SqlExplainer sqlExplainer(DataSource dataSource) {
		return new SqlExplainer(dataSource);
	}

	/**
	 * Spring Boot composes every {@code TaskDecorator} bean, in order, for the executor
	 * it configures, so an application's own decorator keeps working.
	 */
	@Bean
	TaskDecorator nplusoneTaskDecorator(SqlCapture capture) {
		return Capturing.taskDecorator(capture);
	}

}
