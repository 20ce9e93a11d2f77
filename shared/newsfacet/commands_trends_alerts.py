"""`newsfacet trends` and `newsfacet alerts`: answered by the search API's own routes, in process."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO
from urllib.parse import quote, urlencode

from newsfacet.alerts import Alert
from newsfacet.commands import EXIT_OK, EXIT_USAGE, call_api, report_api_error, search_params
from newsfacet.config import Settings
from newsfacet.trends import TrendsResult

__all__ = ["print_trends", "run_alerts", "run_trends", "sparkline"]

_BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(counts: list[int]) -> str:
    """One block character per count, scaled to the highest."""
    highest = max(counts, default=0) or 1
    return "".join(_BLOCKS[count * (len(_BLOCKS) - 1) // highest] for count in counts)


def run_trends(args: argparse.Namespace, settings: Settings) -> int:
    params = [*search_params(args, ("to", "size")), ("window", args.window), ("baseline", args.baseline)]
    try:
        status, body = call_api(settings, f"/trends/{quote(args.dimension)}?{urlencode(params)}")
    except ValueError as error:  # an unsupported store URL
        print(f"newsfacet trends: {error}", file=sys.stderr)
        return EXIT_USAGE
    if status != 200:
        return report_api_error(status, body, "trends")
    if args.json:
        print(body)
    else:
        print_trends(TrendsResult.model_validate_json(body), sys.stdout)
    return EXIT_OK


def print_trends(result: TrendsResult, out: TextIO) -> None:
    window, baseline = result.window, result.baseline
    out.write(
        f"{result.dimension.value}: {window.first_day} to {window.last_day} ({window.articles} articles)"
        f" against {baseline.first_day} to {baseline.last_day} ({baseline.articles})\n"
    )
    if not result.trends:
        out.write("nothing rose\n")
        return
    width = max(len(trend.value) for trend in result.trends)
    for trend in result.trends:
        out.write(
            f"{trend.value:<{width}}  {trend.window_count:>5} vs {trend.baseline_count:<5}"
            f" x{trend.ratio:<6.1f} z {trend.score:5.1f}  {sparkline([p.count for p in trend.series])}\n"
        )


def run_alerts(args: argparse.Namespace, settings: Settings) -> int:
    headers = {"x-api-key": args.api_key, "Content-Type": "application/json"}
    try:
        if args.action == "list":
            status, body = call_api(settings, "/alerts", headers=headers)
        elif args.action == "add":
            request: dict[str, str | list[str]] = {}
            for name, value in search_params(args, ("from", "to", "target")):
                chosen = request.setdefault(name, value if name in ("q", "from", "to", "target") else [])
                if isinstance(chosen, list):
                    chosen.append(value)
            status, body = call_api(
                settings, "/alerts", method="POST", body=json.dumps(request).encode(), headers=headers
            )
        else:
            status, body = call_api(
                settings, f"/alerts/{quote(args.alert_id)}", method="DELETE", headers=headers
            )
    except ValueError as error:  # an unsupported store URL
        print(f"newsfacet alerts: {error}", file=sys.stderr)
        return EXIT_USAGE
    if status not in (200, 201, 204):
        return report_api_error(status, body, "alerts")
    if args.action == "list":
        alerts = [Alert.model_validate(item) for item in json.loads(body)["alerts"]]
        if getattr(args, "json", False):
            print(body)
        for alert in [] if getattr(args, "json", False) else alerts:
            print(f"{alert.id}  {alert.created_at:%Y-%m-%d}  -> {alert.target}  {_describe(alert)}")
    elif args.action == "add":
        alert = Alert.model_validate_json(body)
        print(f"saved {alert.id}: {_describe(alert)} -> {alert.target}")
    else:
        print(f"deleted {args.alert_id}")
    return EXIT_OK


def _describe(alert: Alert) -> str:
    search = alert.search
    parts = [f'"{search.q}"'] if search.q else []
    parts += [f"{dimension.value}={'|'.join(chosen.values)}" for dimension, chosen in search.filters.items()]
    parts += [f"from {search.date_from}"] if search.date_from else []
    parts += [f"to {search.date_to}"] if search.date_to else []
    return " ".join(parts) or "every article"
