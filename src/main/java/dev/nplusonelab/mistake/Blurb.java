package dev.nplusonelab.mistake;

import dev.nplusonelab.store.Lazy;

/**
 * A book on the deferred-column page, the same record in both modes.
 *
 * @param summary {@link Lazy} because the wrong version does not load it: reading it runs
 * a query, from the template, like a deferred column of an ORM
 */
record Blurb(long id, String title, Lazy<String> summary) {
}
