"""The embedded store: one SQLite file (standard library), FTS5 full text, facets by SQL.

It is the default store when no OpenSearch is configured, and obeys the same contract
(`tests/contract/`). Layout:

- `versions`: every id ever written, live or tombstone, with its external version and S3 origin.
- `holders`: the S3 objects holding each live article, with their events' versions (see `holders`).
- `articles`: live articles only, keyed by a small integer `doc_id` that the side tables share,
  kept narrow (id, `story`, `sort_at` = published_at in microseconds or a sentinel when missing,
  `published_day` = proleptic ordinal of the UTC day, and `facets`: the article's facet value ids
  packed as little-endian int32 `value_id * dimensions + dimension`) so that sorting, date
  filters, histograms and facet counts read few pages; `simhash_bands` (band -> doc_id) finds a
  new article's near-duplicates.
- `article_content`: the searchable text in columns (the FTS5 table's external content) and the rest
  of the article as JSON, read only for the hits of a page and by `get`.
- `articles_fts`: FTS5 over title, lede, text, authors, entity names and source, tokenized
  `porter unicode61 remove_diacritics 2`; ranked by bm25 with the title weighted most.
- `facet_values` (one row per distinct value, with its live article count, so the unfiltered
  facets are an index read), `facet_words` (folded word suffixes of each value, for prefix
  search) and `article_facets` (doc_id -> value_id, indexed both ways).

A search materialises the ids matching `q` and the dates once into a temporary table;
the hits, the total and the histogram are then SQL over that set joined with the facet selections,
all in one read transaction (one consistent snapshot). Facet counts read each matching article's
packed `facets` and count in Python (a few times faster than a GROUP BY over `article_facets`);
with no restriction at all they are the live counts `facet_values` keeps on every write.

Concurrency: WAL journal; each thread gets its own connection (so the local server's threads read
in parallel), writers take the write lock up front (`BEGIN IMMEDIATE`), and other processes may
read while one writes. `sqlite:///:memory:` keeps everything in one connection behind a lock.

Modules: `store` (the port's methods), `schema` (tables, migrations), `connections` (one per
thread, transactions), `rows` (writing an article's rows), `query` (planning and running a search),
`stories` (story candidates, searches collapsed by story, a story's versions, related articles).
"""
