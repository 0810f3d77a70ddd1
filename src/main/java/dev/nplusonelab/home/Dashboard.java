package dev.nplusonelab.home;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.nplusonelab.store.Lazy;
import dev.nplusonelab.system.PageRecords;

/**
 * Four lists on one page, the same records in both modes. Each list is short; together
 * they are the page that quietly runs hundreds of statements.
 */
record Dashboard(List<NewBook> newBooks, List<BestSeller> bestSellers, List<RecentOrder> recentOrders,
		List<LatestReview> latestReviews) implements PageRecords {

	/** The rows of the four lists. */
	@Override
	public int recordCount() {
		return this.newBooks.size() + this.bestSellers.size() + this.recentOrders.size() + this.latestReviews.size();
	}

	/**
	 * @param publisherName loaded by the template in naive mode
	 */
	record NewBook(long id, String title, long authorId, String authorName, Lazy<String> publisherName,
			List<String> tags, @Nullable BigDecimal averageRating) {

		NewBook withTags(List<String> tags) {
			return new NewBook(this.id, this.title, this.authorId, this.authorName, this.publisherName,
					List.copyOf(tags), this.averageRating);
		}

	}

	record BestSeller(long id, String title, long authorId, String authorName, String publisherName, int sales) {
	}

	/**
	 * @param bookTitles every item of the order, by item id
	 */
	record RecentOrder(long id, Instant createdAt, long customerId, String customerName, List<String> bookTitles,
			BigDecimal total) {

		RecentOrder withBookTitles(List<String> bookTitles) {
			return new RecentOrder(this.id, this.createdAt, this.customerId, this.customerName, List.copyOf(bookTitles),
					this.total);
		}

	}

	record LatestReview(long id, int rating, long bookId, String bookTitle, String customerName, Instant createdAt) {
	}

}
