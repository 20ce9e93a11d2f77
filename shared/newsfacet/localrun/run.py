"""The local run: the whole system on one machine, what `newsfacet local` (and `make run`) starts.

- moto in server mode (S3 + SQS) on 127.0.0.1, with the articles bucket, the ingest queue, its
  dead-letter queue and the bucket's notification configuration **read from template.yaml**, so the
  local wiring cannot drift from the deployed one;
- a worker thread that long-polls the ingest queue and calls the very same ingest `lambda_handler`
  as AWS Lambda (loaded from `functions/ingest/app.py`) with an SQS event built from the messages,
  then deletes the messages the handler did not report as failures (`ReportBatchItemFailures`);
  failed ones come back after the queue's visibility timeout and end in the DLQ, as on AWS;
- the search API and page on `http://HOST:PORT` (`newsfacet.localserver`, the search handler);
- the store: embedded by default, `NEWSFACET_STORE=http://...` for an existing OpenSearch node, or
  a local node started from `infrastructure/opensearch` (`start_opensearch`);
- the bundled `samples/` uploaded through S3 (boto3 `put_object`), so they take the real path.

The handlers are configured the way Lambda configures them: through environment variables, set for
the lifetime of the stack and restored when it stops.

Modules: `template` (template.yaml as data), `aws` (moto and the template's resources in it),
`worker` (the queue worker), `run` (this: the parts started and stopped together, the environment,
signals). Development only: the Lambda layers never ship it.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import sys
import threading
import time
import warnings
from collections.abc import Iterator, Mapping
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType
from typing import IO, TYPE_CHECKING, Any, TextIO

from newsfacet.config import Settings
from newsfacet.ingest import is_article_key
from newsfacet.localrun.aws import DEFAULT_REGION, LOCAL_CREDENTIALS, Emulator
from newsfacet.localrun.template import LocalRunError, read_template
from newsfacet.localrun.worker import QueueWorker, load_handler
from newsfacet.localserver import LocalServer, event_from_request, import_file, load_search_handler

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient

    from newsfacet.reconcile import ReconcileReport

__all__ = ["LOCAL_CREDENTIALS", "LocalRun", "LocalRunError", "StackOptions"]

REPO_ROOT = Path(__file__).resolve().parents[3]
"""The checkout this package is installed from (editable install): template, functions, samples."""


@dataclass(frozen=True)
class StackOptions:
    """How `newsfacet local` runs. Port 0 means a free port (tests)."""

    host: str = "127.0.0.1"
    port: int = 8080
    moto_port: int = 0
    start_opensearch: bool = False
    upload_samples: bool = True
    quiet: bool = False  # no access log lines from the HTTP server
    root: Path = field(default=REPO_ROOT)
    state: Path | None = None  # where S3 and SQS requests are recorded to survive a restart (None: not kept)

    @property
    def template(self) -> Path:
        return self.root / "template.yaml"

    @property
    def ingest_function(self) -> Path:
        return self.root / "functions" / "ingest" / "app.py"

    @property
    def samples(self) -> Path:
        return self.root / "samples"


@contextmanager
def _environment(values: Mapping[str, str]) -> Iterator[None]:
    """Set environment variables for the handlers (as Lambda would), restoring them afterwards."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, previous in saved.items():
            if previous is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = previous


class LocalRun:
    """Start with `start()` (or `with LocalRun(...)`), stop with `stop()`; see the module docstring."""

    def __init__(
        self, settings: Settings, options: StackOptions | None = None, log: TextIO | None = None
    ) -> None:
        self.options = options or StackOptions()
        self._settings = settings
        self._log = log or sys.stderr
        self.region = settings.aws_region or os.environ.get("AWS_DEFAULT_REGION") or DEFAULT_REGION
        self.resources = read_template(self.options.template)
        self.emulator = Emulator(self.resources, self.region, self.options.moto_port)
        self.bucket = self.emulator.bucket
        self.store_url = settings.store
        self.api_url = ""
        self._node: Any = None
        self._server: LocalServer | None = None
        self._worker: QueueWorker | None = None
        self.last_reconcile: ReconcileReport | None = None
        self._restore_environment = ExitStack()

    # --- lifecycle

    def start(self) -> LocalRun:
        """Start every part, or stop what started and raise `LocalRunError`."""
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        if self.options.start_opensearch:
            launcher = _opensearch_launcher(self.options.root)
            try:
                self._node = launcher.LocalNode.start()
            except launcher.NodeError as error:
                raise LocalRunError(str(error)) from error
            self.store_url = self._node.url
        self._quiet_emulator()
        self.emulator.start()
        environment = {
            **LOCAL_CREDENTIALS,
            "AWS_ENDPOINT_URL": self.s3_endpoint,
            "AWS_DEFAULT_REGION": self.region,
            "AWS_REGION": self.region,
            "NEWSFACET_STORE": self.store_url,
            # Metrics and traces have no CloudWatch or X-Ray to go to here; logs stay on (warnings).
            "POWERTOOLS_METRICS_DISABLED": "true",
            "POWERTOOLS_TRACE_DISABLED": "true",
            "POWERTOOLS_LOG_LEVEL": os.environ.get("POWERTOOLS_LOG_LEVEL", "WARNING"),
        }
        if self.options.start_opensearch:
            environment["NEWSFACET_OPENSEARCH_AUTH"] = "none"
        self._restore_environment.enter_context(_environment(environment))
        queue_arns = self.emulator.create_resources(self.options.state)
        s3, sqs = self.emulator.clients()
        try:
            self._server = LocalServer(
                (self.options.host, self.options.port), load_search_handler(), quiet=self.options.quiet
            ).start()
        except OSError as error:
            raise LocalRunError(
                f"cannot listen on {self.options.host}:{self.options.port}: {error}"
            ) from error
        self.api_url = self._server.url
        ingest_queue = self.resources.ingest_queue()
        self._worker = QueueWorker(
            sqs=sqs,
            queue_url=self.queue_url,
            queue_arn=queue_arns[ingest_queue.logical_id],
            region=self.region,
            handler=load_handler(self.options.ingest_function),
            log=self._log,
        )
        self._worker.start()
        if self.options.state is not None:
            self._reconcile(s3, sqs)

    def _reconcile(self, s3: S3Client, sqs: SQSClient) -> None:
        """Repair what a crash lost (see `newsfacet.reconcile`) and say what was found."""
        from newsfacet.objects.s3 import S3Bucket  # noqa: PLC0415
        from newsfacet.reconcile import reconcile  # noqa: PLC0415
        from newsfacet.rejections import open_rejection_log  # noqa: PLC0415
        from newsfacet.store import open_store  # noqa: PLC0415

        settings = self._settings.model_copy(update={"store": self.store_url})
        store = open_store(settings)
        try:
            self.last_reconcile = reconcile(
                S3Bucket(self.bucket, s3, sqs, self.queue_url), store, open_rejection_log(settings)
            )
        finally:
            store.close()
        print(f"reconcile at start: {self.last_reconcile.summary()}", file=self._log, flush=True)

    @staticmethod
    def _quiet_emulator() -> None:
        # moto's server logs every request through werkzeug; the worker's own lines say enough.
        logging.getLogger("werkzeug").setLevel(logging.WARNING)
        # Metrics are disabled locally, so Powertools would warn on every batch that none were sent.
        warnings.filterwarnings("ignore", message="No application metrics to publish", category=UserWarning)

    def stop(self) -> None:
        """Stop everything that runs, in reverse order; safe to call twice."""
        if self._worker is not None:
            self._worker.stop()
            self._worker = None
        if self._server is not None:
            self._server.stop()
            self._server = None
        self.emulator.stop()
        self._restore_environment.close()
        if self._node is not None:
            self._node.stop()
            self._node = None

    @property
    def s3_endpoint(self) -> str:
        """moto's URL (S3 and SQS)."""
        return self.emulator.endpoint

    @property
    def queue_url(self) -> str:
        return self.emulator.queue_url

    @property
    def dead_letter_url(self) -> str:
        return self.emulator.dead_letter_url

    def __enter__(self) -> LocalRun:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    # --- using it

    def upload_samples(self) -> list[str]:
        """Put every bundled sample page into the bucket (key `samples/NAME`); returns the keys."""
        s3, _ = self.emulator.clients()
        keys = []
        for path in sorted(self.options.samples.iterdir()):
            if not is_article_key(path.name):
                continue
            key = f"samples/{path.name}"
            content_type = "application/gzip" if path.name.endswith(".gz") else "text/html"
            s3.put_object(Bucket=self.bucket, Key=key, Body=path.read_bytes(), ContentType=content_type)
            keys.append(key)
        return keys

    def searchable_count(self) -> int:
        """How many articles the running search API reports (`total` of an empty query).

        Asked of the server's handler directly, as an HTTP request would, minus an access-log line.
        """
        if self._server is None:
            raise LocalRunError("the stack is not running")
        response = self._server.invoke(event_from_request("GET", "/search?size=1", {}))
        if response.get("statusCode") != 200:
            raise LocalRunError(
                f"the search API answered {response.get('statusCode')}: {response.get('body')}"
            )
        total: int = json.loads(response["body"])["total"]
        return total

    def wait_until_searchable(self, count: int, timeout_s: float = 120.0) -> int:
        """Poll the API until it reports at least `count` articles or `timeout_s` passes."""
        deadline = time.monotonic() + timeout_s
        total = self.searchable_count()
        while total < count and time.monotonic() < deadline:
            time.sleep(0.5)
            total = self.searchable_count()
        return total

    def banner(self) -> str:
        """What a user needs to use the stack: URLs, names, credentials and example commands."""
        endpoint = self.s3_endpoint
        return "\n".join(
            [
                "",
                "newsfacet is running",
                f"  search page   {self.api_url}/",
                f"  search API    {self.api_url}/search?q=ceasefire",
                f"  OpenAPI       {self.api_url}/openapi.json   (Swagger UI: {self.api_url}/docs)",
                f"  S3 + SQS      {endpoint}   (moto)   bucket: {self.bucket}",
                f"  store         {self.store_url}",
                "",
                "Use it from another terminal:",
                "  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing"
                f" AWS_DEFAULT_REGION={self.region}",
                f"  aws s3 cp article.html s3://{self.bucket}/my/article.html --endpoint-url {endpoint}",
                f"  aws s3 rm s3://{self.bucket}/my/article.html --endpoint-url {endpoint}",
                f"  curl '{self.api_url}/search?q=ceasefire&location=Lebanon'",
                f"  curl '{self.api_url}/facets/actor?prefix=var'",
                f"  newsfacet search ceasefire --store {self.store_url}",
                "",
                "Press Ctrl-C to stop.",
                "",
            ]
        )

    def run_until_stopped(self, out: IO[str]) -> int:
        """Start, upload the samples, print the banner, wait for SIGINT/SIGTERM, stop. Exit status."""
        stop = threading.Event()

        def request_stop(signum: int, frame: FrameType | None) -> None:
            stop.set()

        previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            print("starting: moto (S3 + SQS), ingest worker, search API...", file=out, flush=True)
            self.start()
            print(self.banner(), file=out, flush=True)
            if self.options.upload_samples and not stop.is_set():
                keys = self.upload_samples()
                print(
                    f"uploaded {len(keys)} sample articles to s3://{self.bucket}/samples/",
                    file=out,
                    flush=True,
                )
                self._report_when_searchable(len(keys), stop, out)
            while not stop.wait(timeout=1.0):
                pass
            print("\nstopping...", file=out, flush=True)
        finally:
            self.stop()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        print("stopped", file=out, flush=True)
        return 0

    def _report_when_searchable(self, count: int, stop: threading.Event, out: IO[str]) -> None:
        """Tell the user when the uploads are searchable (the first one loads the NLP models)."""
        started = time.monotonic()
        total = 0
        while not stop.wait(timeout=1.0):
            total = self.searchable_count()
            if total >= count or time.monotonic() - started > 180:
                break
        if not stop.is_set():
            print(
                f"{total} articles searchable after {time.monotonic() - started:.0f} s: {self.api_url}/",
                file=out,
                flush=True,
            )


def _opensearch_launcher(root: Path) -> Any:
    """`infrastructure/opensearch/node.py` (standard library only), imported from the checkout."""
    path = root / "infrastructure" / "opensearch" / "node.py"
    if not path.is_file():
        raise LocalRunError(f"{path} not found: --opensearch needs the checkout's launcher")
    name = "newsfacet_opensearch_launcher"
    return sys.modules.get(name) or import_file(path, name)
