package dev.nplusonelab.diagnostics.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import dev.nplusonelab.diagnostics.web.DiagnosticsAccess;
import dev.nplusonelab.diagnostics.NPlusOneProperties;
import dev.nplusonelab.diagnostics.web.PanelLinks;
import dev.nplusonelab.diagnostics.capture.SqlCapture;
import dev.nplusonelab.diagnostics.history.SqlExplainer;
import dev.nplusonelab.diagnostics.history.SqlRequestHistory;

import dev.nplusonelab.diagnostics.actuate.SqlRequestsEndpoint;

/**
 * {@code /actuator/sqlrequests} when the application has Actuator and the history is on.
 * Expose it like any other endpoint ({@code management.endpoints.web.exposure.include});
 * once exposed, the panel's EXPLAIN links lead to it.
 */
@AutoConfiguration(after = NPlusOneWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(SqlRequestHistory.class)
public class NPlusOneEndpointAutoConfiguration {

	private static final EndpointId ID = EndpointId.of("sqlrequests");

	@Bean
	SqlRequestsEndpoint sqlRequestsEndpoint(SqlRequestHistory history, SqlCapture capture,
			NPlusOneProperties properties, ObjectProvider<SqlExplainer> explainer,
			ObjectProvider<DiagnosticsAccess> access) {
		return new SqlRequestsEndpoint(history, capture, properties.isParameters(), explainer, access);
	}

	/** The endpoint's paths, when it is exposed. */
	@Bean
	PanelLinks sqlRequestsEndpointLinks(ObjectProvider<PathMappedEndpoints> endpoints) {
		return new PanelLinks() {

			@Override
			public @Nullable String explain(long report, int index) {
				String path = path();
				return (path != null) ? path + "/" + report + "/" + index : null;
			}

			@Override
			public @Nullable String history() {
				return path();
			}

			private @Nullable String path() {
				PathMappedEndpoints mapped = endpoints.getIfAvailable();
				return (mapped != null) ? mapped.getPath(ID) : null;
			}

		};
	}

}
