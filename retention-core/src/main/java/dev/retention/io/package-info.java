/**
 * Readers for the files a shop or a recommender study has: {@link dev.retention.io.OnlineRetailReader}
 * (UCI Online Retail CSV), {@link dev.retention.io.CdnowReader} (CDNOW purchases) and
 * {@link dev.retention.io.GenericCsvReader} with a {@link dev.retention.io.GenericCsvFormat} column
 * mapping give a {@link dev.retention.data.TransactionLog};
 * {@link dev.retention.io.MovieLensReader} (MovieLens 100K and 1M) and
 * {@link dev.retention.io.RatingsCsvReader} give {@link dev.retention.data.Interactions}.
 *
 * <p>Every reader takes a {@link java.nio.file.Path}, or a {@link java.io.Reader} and a source name
 * (for compressed or in-memory data), and {@link dev.retention.io.ReadOptions}: strict (throw on the
 * first bad record) or lenient (skip, count and log bad records), the purchase rules and the time zone
 * of local dates. Every problem with the content is a {@link dev.retention.io.DataFormatException}
 * naming the source, line, column and value. Readers stream the input once. Files are read as UTF-8;
 * bytes that are not UTF-8 become U+FFFD rather than errors (the Online Retail file, for one, is UTF-8).
 */
package dev.retention.io;
