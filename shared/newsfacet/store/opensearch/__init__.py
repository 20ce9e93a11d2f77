"""The OpenSearch adapter: `ArticleStore` on an OpenSearch 2.x cluster (local node, AWS domain or
Serverless collection).

Layout. Articles live in a versioned index behind an alias: `<alias>` -> `<alias>-v1`. The mapping is
one index template, `index_template.json` in this package (shipped in the layer), applied to
`<alias>-v*`. The first write creates the template and `<alias>-v1` (the alias's write index) if the
alias does not exist yet; `reindex()` (`newsfacet reindex`) moves to `<alias>-v<N+1>` with the current
template and swaps the alias atomically. `rollover()` starts a new write index `<alias>-v<N+1>` and
keeps the older ones behind the alias (docs/SCALING.md's layout for a hundred million articles): new
articles go to the write index, a new version of an article to the index that holds it (read in real
time from each index: OpenSearch refuses single-document reads through an alias of several), so
external versions still decide within one index. Readers never create anything (the search role may
only read): before the first write, a search simply finds nothing.

Writes. `write_batch` reads the stored state of every id a batch touches in one real-time `_mget`,
plans each write on it in order, and sends them all in one `_bulk` request (an SQS batch is one
request), with `version_type=external`: OpenSearch refuses (409) a version that is not greater
than the stored one, which is exactly the port's `stale`. A delete indexes a tombstone (`deleted:
true`, its version and origin) rather than deleting, so a late, older create can never resurrect the
article, even after `index.gc_deletes` would have forgotten a real delete; every read filters
tombstones out. Every item's status is checked: 429 and 5xx items (and whole requests failing with
429, 5xx or a connection error) are retried with exponential backoff and jitter, a bounded number of
times; an item still failing then, or refused for good, is answered `WriteFailed` (and `upsert`
raises `StoreUnavailable` or `DocumentRejected` after the rest of the batch is written), a request
still failing as a whole raises `StoreUnavailable`.

Visibility. A batch's `_bulk` request refreshes the shards it wrote (`refresh=true`, the default)
before it answers, so the writer's own searches see its writes (an ObjectRemoved right after an
ObjectCreated finds the article by origin; ingest always writes before it reconciles, so of two
processes racing on one key, the one that reconciles last sees both writes). Every write of the
ingest path is followed by such a search (a batch's reconciling read), so refreshing in the bulk
costs no more refreshes than refreshing before that search, and one request less per batch. It does
not wait for the scheduled refresh (`wait_for` made every single-record ingest wait up to the 1 s
refresh interval). Realtime reads (`get`, the version checks before a write) need no refresh; other
processes' searches see the writes at once too. `refresh="false"` remains available (bulk loads,
the reindex): such a store refreshes the index once before its next search instead.

Amazon OpenSearch Serverless (`serverless=True`, `opensearch_flavour`). A SEARCH collection keeps
custom document ids but has no aliases, no `_refresh`/`refresh=`, no external versioning and no
`_reindex`, so there the store degrades, on purpose and only there:
- the index is `<alias>` itself, created on the first write with the template's mappings and
  analysis (Serverless manages shards, replicas and refresh itself);
- stale writes are found by reading the stored versions first (one `ids` search per bulk chunk)
  instead of by OpenSearch's 409: two writers racing on the same article between that read and
  their write can both win, the later write landing last (the S3 -> SQS path rarely races, and the
  next event for the key repairs it);
- writes return before they are searchable (Serverless makes them visible within seconds), so an
  ObjectRemoved that follows its ObjectCreated within those seconds may not find the article by
  its origin yet and leave it in the index (deleting the object again removes it); `refresh()`
  does nothing;
- `reindex()` raises `StoreError`: build a new collection (or index) and ingest again instead.

Modules: `store` (the port's methods), `query` (request bodies, as plain data), `responses`
(typed results read from the replies), `documents` (what an article is indexed as),
`bulk` (versioned writes with retries), `admin` (template, alias, indices, reindex, rollover), `connection`
(the client, created once, lazily; only this package imports opensearch-py; authentication),
`stories` (story candidates, field collapsing by story, a story's versions, related articles).
"""
