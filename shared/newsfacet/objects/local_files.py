"""Uploads as files on this machine, for `newsfacet ingest PATH...` and `newsfacet extract FILE`:
`discover` lists the files a command line names (as `S3Bucket.keys` lists a bucket) and
`LocalFiles` reads one for ingest (as `S3ObjectSource` reads an object). A file's origin is bucket
`LOCAL_BUCKET` and key = its absolute path."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from newsfacet.ingest import is_article_key
from newsfacet.objects.base import ObjectGone, ObjectSource, SourceUnavailable

__all__ = ["LOCAL_BUCKET", "LocalFiles", "NoSuchPath", "discover"]

LOCAL_BUCKET = "local"
"""The bucket name of every file ingested from this machine."""


class NoSuchPath(FileNotFoundError):  # noqa: N818 - reads as the problem, like FileNotFoundError
    """A path given on the command line does not exist."""


def discover(paths: Iterable[Path]) -> list[Path]:
    """The files to ingest: files named on the command line as they are (whatever their suffix, the
    user asked for them), directories walked recursively for article files (`is_article_key`); no
    path twice, in order.

    Raises `NoSuchPath` for a path that does not exist, before anything is ingested.
    """
    found: dict[Path, None] = {}
    for given in paths:
        if given.is_dir():
            for root, dirs, files in os.walk(given):
                dirs.sort()
                for name in sorted(files):
                    candidate = Path(root) / name
                    if is_article_key(candidate.name) and candidate.is_file():
                        found.setdefault(candidate.resolve(), None)
        elif given.is_file():
            found.setdefault(given.resolve(), None)
        else:
            raise NoSuchPath(f"no such file or directory: {given}")
    return list(found)


class LocalFiles(ObjectSource):
    """Reads files on this machine; the key is the file's path (the bucket is `LOCAL_BUCKET`)."""

    def read(self, bucket: str, key: str, version_id: str | None, limit: int) -> bytes:
        """At most `limit` bytes of the file `key` (a file has one version: `version_id` is ignored).

        Raises `ObjectGone` if it does not exist, `SourceUnavailable` if it cannot be read
        (permissions, a directory, an I/O error); their message is the system's reason.
        """
        try:
            with open(key, "rb") as file:
                return file.read(limit)
        except FileNotFoundError as error:
            raise ObjectGone(error.strerror or str(error)) from error
        except OSError as error:
            raise SourceUnavailable(error.strerror or str(error)) from error
