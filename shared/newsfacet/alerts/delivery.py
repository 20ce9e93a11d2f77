"""Where alert messages go: the deployment's SNS topic, a webhook URL, or the log."""

from __future__ import annotations

import logging
import urllib.error
import urllib.request
from typing import Any

from newsfacet.alerts import AlertMessage, AlertSender, DeliveryFailed
from newsfacet.config import Settings

__all__ = ["TargetSender", "default_target"]

WEBHOOK_TIMEOUT_SECONDS = 5.0
"""A webhook slower than this counts as a failed attempt: ingest must not wait on it."""

logger = logging.getLogger(__name__)


def default_target(settings: Settings) -> str:
    """Where an alert saved without a target sends: the topic if there is one, else the log."""
    return "sns" if settings.alerts_topic_arn else "log"


class TargetSender(AlertSender):
    """Sends to `sns` (`Settings.alerts_topic_arn`, with the alert id and owner as message attributes
    so subscriptions can filter), a webhook (POST, JSON body), or `log` (one INFO line)."""

    def __init__(self, settings: Settings, sns_client: Any = None) -> None:
        self._topic = settings.alerts_topic_arn
        self._region = settings.aws_region
        self._sns = sns_client

    def send(self, target: str, message: AlertMessage) -> None:
        body = message.model_dump_json()
        if target == "log":
            logger.info("alert %s matched article %s: %s", message.alert_id, message.article_id, body)
        elif target == "sns":
            self._publish(message, body)
        else:
            self._post(target, body)

    def _publish(self, message: AlertMessage, body: str) -> None:
        # Imported here: the local stack and the embedded store never need boto3's SNS client.
        from botocore.exceptions import BotoCoreError, ClientError  # noqa: PLC0415

        if not self._topic:
            raise DeliveryFailed("no SNS topic is configured (NEWSFACET_ALERTS_TOPIC_ARN)")
        if self._sns is None:
            import boto3  # noqa: PLC0415

            self._sns = boto3.client("sns", region_name=self._region)
        try:
            self._sns.publish(
                TopicArn=self._topic,
                Subject=f"newsfacet: {message.title}"[:99],
                Message=body,
                MessageAttributes={
                    "alert_id": {"DataType": "String", "StringValue": message.alert_id},
                    "owner": {"DataType": "String", "StringValue": message.owner},
                },
            )
        except (BotoCoreError, ClientError) as error:
            raise DeliveryFailed(f"SNS publish failed: {error}") from error

    @staticmethod
    def _post(url: str, body: str) -> None:
        request = urllib.request.Request(
            url, data=body.encode(), headers={"Content-Type": "application/json"}, method="POST"
        )
        try:
            with urllib.request.urlopen(request, timeout=WEBHOOK_TIMEOUT_SECONDS) as response:
                status = response.status
        except urllib.error.HTTPError as error:
            raise DeliveryFailed(f"webhook answered {error.code}") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise DeliveryFailed(f"webhook unreachable: {error}") from error
        if not 200 <= status < 300:
            raise DeliveryFailed(f"webhook answered {status}")
