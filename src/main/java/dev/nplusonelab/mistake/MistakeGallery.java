package dev.nplusonelab.mistake;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pages of the gallery: each mistake with its wrong and its right reader. */
@Configuration(proxyBeanMethods = false)
class MistakeGallery {

	@Bean
	Mistake<AuthorRecentBooks> filterAfterPrefetchPage(NaiveRecentBooksReader wrong, OptimizedRecentBooksReader right) {
		return Mistake.of("filter-after-prefetch", "authors", wrong, right);
	}

	@Bean
	Mistake<Byline> overPrefetchingPage(NaiveBylineReader wrong, OptimizedBylineReader right) {
		return Mistake.of("over-prefetching", "books", wrong, right).measuring(Byline::shownBytes);
	}

	@Bean
	Mistake<Blurb> deferredColumnPage(NaiveBlurbReader wrong, OptimizedBlurbReader right) {
		return Mistake.of("deferred-column", "books", wrong, right);
	}

	@Bean
	Mistake<AuthorTally> countByLoadingPage(NaiveTallyReader wrong, OptimizedTallyReader right) {
		return Mistake.of("count-by-loading", "authors", wrong, right).measuring(AuthorTally::shownBytes);
	}

	@Bean
	Mistake<TaggedBook> batchTooSmallPage(NaiveChunkedTagsReader wrong, OptimizedTaggedBooksReader right) {
		return Mistake.of("batch-too-small", "books", wrong, right);
	}

	@Bean
	Mistake<BookCredits> lookupsPerRowPage(NaiveCreditsReader wrong, OptimizedCreditsReader right) {
		return Mistake.of("lookups-per-row", "books", wrong, right);
	}

}
