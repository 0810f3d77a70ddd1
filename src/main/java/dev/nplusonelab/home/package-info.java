/**
 * The home page: what N+1 is, a dashboard that puts several lists on one page (the
 * "hundreds of queries on a single page" story), and the way to every lesson.
 */
@NullMarked
package dev.nplusonelab.home;

import org.jspecify.annotations.NullMarked;
