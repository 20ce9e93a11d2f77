"""The local run (moto + the ingest worker + the search server): see `newsfacet.localrun.run`."""
