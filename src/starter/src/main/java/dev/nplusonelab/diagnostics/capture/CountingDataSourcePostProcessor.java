package dev.nplusonelab.diagnostics.capture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.listener.ChainListener;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ResultSetProxyLogicFactory;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jspecify.annotations.Nullable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;

/**
 * Wraps every DataSource bean with datasource-proxy once its own configuration has been
 * bound, and exactly once:
 * <ul>
 * <li>a DataSource whose delegates ({@link DelegatingDataSource}: a
 * {@code LazyConnectionDataSourceProxy}, a transaction-aware proxy, the data-source
 * decorator's {@code DecoratedDataSource}) already reach a proxy with the starter's
 * listener is left as it is;</li>
 * <li>a routing DataSource whose targets are all wrapped is left as it is too, and keeps
 * routing;</li>
 * <li>it runs after the data-source decorator's own post-processor, which carries the
 * starter's listeners when it is present.</li>
 * </ul>
 * Should two of the starter's proxies still end up stacked, the listener counts each
 * execution once.
 */
final class CountingDataSourcePostProcessor implements BeanPostProcessor, Ordered {

	private static final Log logger = LogFactory.getLog(CountingDataSourcePostProcessor.class);

	private final ObjectProvider<QueryExecutionListener> listener;

	private final ObjectProvider<ResultSetProxyLogicFactory> resultSets;

	CountingDataSourcePostProcessor(ObjectProvider<QueryExecutionListener> listener,
			ObjectProvider<ResultSetProxyLogicFactory> resultSets) {
		this.listener = listener;
		this.resultSets = resultSets;
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof DataSource dataSource) || counted(dataSource)) {
			return bean;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("Counting the statements of DataSource '" + beanName + "'");
		}
		return ProxyDataSourceBuilder.create(beanName, dataSource)
			.listener(this.listener.getObject())
			.proxyResultSet(this.resultSets.getObject())
			.build();
	}

	/** Whether every statement of this DataSource already reaches the listener. */
	static boolean counted(@Nullable DataSource dataSource) {
		DataSource current = dataSource;
		for (int depth = 0; current != null && depth < 32; depth++) {
			if (current instanceof ProxyDataSource proxy) {
				if (hasListener(proxy)) {
					return true;
				}
				current = proxy.getDataSource();
			}
			else if (current instanceof AbstractRoutingDataSource router) {
				return allCounted(router);
			}
			else if (current instanceof DelegatingDataSource delegating) {
				current = delegating.getTargetDataSource();
			}
			else {
				return false;
			}
		}
		return false;
	}

	private static boolean allCounted(AbstractRoutingDataSource router) {
		Map<Object, DataSource> targets = router.getResolvedDataSources();
		List<DataSource> all = new ArrayList<>(targets.values());
		DataSource fallback = router.getResolvedDefaultDataSource();
		if (fallback != null) {
			all.add(fallback);
		}
		return !all.isEmpty() && all.stream().allMatch(CountingDataSourcePostProcessor::counted);
	}

	private static boolean hasListener(ProxyDataSource proxy) {
		ChainListener chain = proxy.getProxyConfig().getQueryListener();
		return contains(chain.getListeners());
	}

	private static boolean contains(Collection<QueryExecutionListener> listeners) {
		for (QueryExecutionListener listener : listeners) {
			if (listener instanceof StatementListener) {
				return true;
			}
			if (listener instanceof ChainListener chain && contains(chain.getListeners())) {
				return true;
			}
		}
		return false;
	}

}
