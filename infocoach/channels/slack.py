"""infocoach in Slack: Rasa's Slack connector, adjusted to what Slack users expect.

Enabled in credentials.yml as ``infocoach.channels.slack.SlackInput`` (name
"slack", webhook ``/webhooks/slack/webhook``) once SLACK_BOT_TOKEN and
SLACK_SIGNING_SECRET are set. Where it differs from ``rasa.core.channels.slack``
and why:

- **Retries are never answered twice.** Rasa skips only retries whose reason
  is ``http_timeout`` and processes the others (``http_error``,
  ``connection_failed`` ...) again, so the user gets the answer twice. Here
  every user message is accepted once, keyed by its channel and ``ts``;
  any later delivery of it, whatever the retry reason, is acknowledged with
  ``X-Slack-No-Retry`` and dropped. A retry of a message this server never
  saw (it was down) is still answered, once. The key also absorbs the same
  message arriving as two event types.
- **Bad signatures get 401, not 400**, and nothing else about the request is
  looked at; a missing, malformed or >5-minute-old timestamp counts as bad.
- **Threads.** In a channel the reply always goes to the thread of the
  message that mentioned the bot (Rasa needs ``use_threads`` and then also
  threads every DM reply). In a DM the reply stays in the main conversation
  unless the user wrote in a thread.
- **Conversations.** With ``conversation_granularity: thread`` Rasa starts a
  new conversation for every top-level DM, because each has its own ``ts``.
  Here a DM (channel id starting with "D") is always one conversation per
  user; in channels the configured granularity applies (one per user per
  thread with ``thread``).
- **Formatting.** Replies are converted from markdown-lite to Slack mrkdwn
  and split only when longer than Slack's limits, at paragraph boundaries
  (Rasa posts every paragraph as its own message and shows button messages
  as plain text). A practice scorecard is one message of Block Kit sections
  with a ✓/✗ list of the steps. Buttons become Block Kit buttons; Rasa drops all buttons
  beyond five, Slack accepts 25 per block. Only each user's first click on
  a message counts (clicks are keyed by message and user). In a DM the
  clicked message is updated to show the choice instead of the buttons; in
  a channel thread the buttons stay, so another member's click (which goes
  to that member's own conversation) cannot use up the asker's buttons.
- **Conversation ids** carry the ``slack:`` prefix
  (:mod:`infocoach.channels.conversation_ids`), so no other channel's client
  can name a Slack user's conversation.
- **Refused at start** without a signing secret: every request would then be
  checked against an empty key, which anyone can compute.
- **Request bodies** over ``MAX_BODY_BYTES`` get 413 before they are read.
- **Bad input** is treated like every infocoach channel does
  (``infocoach.channels.limits``): an empty message, e.g. a bare mention,
  gets a hint without reaching the bot; a huge one is cut with a note. If
  handling fails the user is told so instead of hearing nothing.
- **No ``as_user``.** Rasa passes ``as_user=True``, a legacy argument that
  current Slack apps do not use.
- **SLACK_API_URL** points the Web API client elsewhere than
  https://slack.com/api/ (the tests use a local fake Slack).
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from http import HTTPStatus
from typing import Any

from rasa.core.channels import slack as rasa_slack
from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.web.async_client import AsyncWebClient

from infocoach.channels.conversation_ids import SLACK_PREFIX, namespaced
from infocoach.channels.limits import (
    EMPTY_MESSAGE_REPLY,
    ERROR_REPLY,
    MAX_TEXT_LENGTH,
    TRUNCATED_NOTE,
    CappedBlueprint,
    check_text,
)
from infocoach.channels.scorecard_payload import scorecard_in
from infocoach.channels.slack_format import (
    answered_blocks,
    button_blocks,
    scorecard_blocks,
    split_text,
    to_mrkdwn,
)
from infocoach.channels.slack_guard import SeenOnce, is_signed_by_slack
from infocoach.channels.turns import run_turn

logger = logging.getLogger(__name__)

API_URL_VARIABLE = "SLACK_API_URL"
OnNewMessage = Callable[[UserMessage], Awaitable[Any]]
# Messages that carry something a person wrote; other subtypes are edits,
# deletions, joins and the like.
_USER_MESSAGE_SUBTYPES = (None, "file_share", "thread_broadcast")


def text_field(value: Any) -> str | None:
    """A Slack id or timestamp field: a non-empty string, else None.

    Signed requests come from Slack, but a field of another type must still
    be ignored, not crash the handler.
    """
    return value if isinstance(value, str) and value else None


def object_field(value: Any) -> dict[str, Any]:
    """A Slack object field: a JSON object, else an empty one."""
    return value if isinstance(value, dict) else {}


def is_direct_message_channel(channel_id: str | None) -> bool:
    """Slack's ids for one-to-one conversations with the app start with "D"."""
    return bool(channel_id) and str(channel_id).startswith("D")


def reply_thread(channel_id: str, thread_ts: str | None, ts: str | None) -> str | None:
    """Where to answer: the thread in a channel, the main conversation in a DM unless threaded."""
    if is_direct_message_channel(channel_id):
        return thread_ts
    return thread_ts or ts


class SlackOutput(rasa_slack.SlackBot):
    """Posts the bot's replies as Slack mrkdwn, split to fit, with Block Kit buttons."""

    def __init__(
        self,
        token: str,
        channel: str | None,
        thread_ts: str | None,
        api_url: str = AsyncWebClient.BASE_URL,
        proxy: str | None = None,
    ) -> None:
        super().__init__(token, channel, thread_ts, proxy)
        self.client = AsyncWebClient(token, base_url=api_url, proxy=proxy)
        self.sent = 0

    async def _post_message(self, channel: str, **kwargs: Any) -> None:
        kwargs.pop("as_user", None)
        await super()._post_message(channel, **kwargs)
        self.sent += 1

    async def send_response(self, recipient_id: str, message: dict[str, Any]) -> None:
        """A scorecard is posted as one message of blocks, its text the notification's
        fallback; everything else goes out as Rasa sends it."""
        card = scorecard_in(message.get("custom")) if message.get("text") else None
        if card is None:
            await super().send_response(recipient_id, message)
            return
        fallback = split_text(to_mrkdwn(message["text"]))[0]
        await self._post_message(channel=self.slack_channel or recipient_id, text=fallback,
                                 blocks=scorecard_blocks(card))

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        channel = self.slack_channel or recipient_id
        for part in split_text(to_mrkdwn(text)):
            await self._post_message(channel=channel, text=part)

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: list[dict[str, Any]], **kwargs: Any
    ) -> None:
        """The text's last part carries the buttons, so they sit under what they answer."""
        channel = self.slack_channel or recipient_id
        *leading, last = split_text(to_mrkdwn(text)) or ["Choose one:"]
        for part in leading:
            await self._post_message(channel=channel, text=part)
        await self._post_message(channel=channel, text=last, blocks=button_blocks(last, buttons))


class SlackInput(rasa_slack.SlackInput):
    """Slack Events API and interactivity webhook; see the module docstring for the rules."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not (self.slack_signing_secret or "").strip():
            raise ValueError(
                "the Slack channel needs the app's signing secret (SLACK_SIGNING_SECRET): "
                "without it anyone could sign requests"
            )
        self.api_url = os.environ.get(API_URL_VARIABLE) or AsyncWebClient.BASE_URL
        self._seen = SeenOnce()

    def is_request_from_slack_authentic(self, request: Request) -> bool:
        return is_signed_by_slack(
            self.slack_signing_secret,
            request.body,
            request.headers.get("X-Slack-Request-Timestamp"),
            request.headers.get("X-Slack-Signature"),
            now=time.time(),
        )

    def _get_conversation_id(
        self, sender_id: str | None, channel_id: str | None, thread_id: str | None
    ) -> str | None:
        if is_direct_message_channel(channel_id):
            local = sender_id
        else:
            local = super()._get_conversation_id(sender_id, channel_id, thread_id)
        return namespaced(SLACK_PREFIX, local) if local else None

    def get_output_channel(
        self, channel: str | None = None, thread_id: str | None = None
    ) -> OutputChannel:
        return SlackOutput(
            self.slack_token, channel or self.slack_channel, thread_id, self.api_url, self.proxy
        )

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        webhook = CappedBlueprint(f"infocoach_slack_{id(self)}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.is_request_from_slack_authentic(request):
                logger.warning("refused a Slack request with a missing, wrong or stale signature")
                return response.text(
                    "the request is not signed with this app's Slack signing secret",
                    status=HTTPStatus.UNAUTHORIZED,
                )
            content_type = request.headers.get("content-type", "").split(";")[0].strip()
            if content_type == "application/json":
                return self._receive_event(request, on_new_message)
            if content_type == "application/x-www-form-urlencoded":
                return self._receive_interaction(request, on_new_message)
            return response.text(
                "expected a JSON event or a form-encoded interaction",
                status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            )

        return webhook

    def _receive_event(self, request: Request, on_new_message: OnNewMessage) -> HTTPResponse:
        try:
            envelope = json.loads(request.body)
        except ValueError:
            return response.text("the body is not valid JSON", status=HTTPStatus.BAD_REQUEST)
        if not isinstance(envelope, dict):
            return response.text("expected a JSON object", status=HTTPStatus.BAD_REQUEST)
        if envelope.get("type") == "url_verification":
            return response.json({"challenge": envelope.get("challenge")})
        event = envelope.get("event")
        if not isinstance(event, dict) or not self._is_from_a_person(event):
            return response.text("")
        channel, ts = text_field(event.get("channel")), text_field(event.get("ts"))
        thread_ts = text_field(event.get("thread_ts"))
        if not channel or not ts:
            return response.text("")
        if not (is_direct_message_channel(channel) or event.get("type") == "app_mention"):
            return response.text("")
        if not self._seen.first_time(f"{channel}:{ts}"):
            return self._already_handled(request, f"message {ts} in {channel}")
        thread_root = thread_ts or ts
        metadata = {
            "out_channel": channel,
            "thread_id": thread_root,
            "reply_thread": reply_thread(channel, thread_ts, ts),
            "users": self._bot_user_ids(envelope),
        }
        # Cut before Rasa's mention-stripping regexes see it; the slack left for
        # mentions keeps check_text able to tell that the text was too long.
        raw = event.get("text") if isinstance(event.get("text"), str) else ""
        text = self._sanitize_user_message(raw[: MAX_TEXT_LENGTH + 1000], metadata["users"])
        sender = self._get_conversation_id(event["user"], channel, thread_root)
        self._start(on_new_message, text, sender, metadata)
        return response.text("")

    def _receive_interaction(self, request: Request, on_new_message: OnNewMessage) -> HTTPResponse:
        try:
            payload = json.loads(request.form.get("payload") or "")
        except ValueError:
            return response.text(
                "expected a form field payload= holding JSON", status=HTTPStatus.BAD_REQUEST
            )
        payload = object_field(payload)
        actions = payload.get("actions")
        action = object_field(actions[0] if isinstance(actions, list) and actions else None)
        # The bot only ever posts buttons; a button's value is what it sends.
        value = text_field(action.get("value")) if action.get("type") == "button" else None
        channel = text_field(object_field(payload.get("channel")).get("id"))
        message = object_field(payload.get("message"))
        ts, thread_ts = text_field(message.get("ts")), text_field(message.get("thread_ts"))
        user = text_field(object_field(payload.get("user")).get("id"))
        if value is None or not channel or not ts or not user:
            return response.text("")  # a link button, or a click outside a message
        if not self._seen.first_time(f"{channel}:{ts}:{user}:click"):
            return self._already_handled(request, f"a click by {user} on message {ts}")
        thread_root = thread_ts or ts
        metadata = {
            "out_channel": channel,
            "thread_id": thread_root,
            "reply_thread": reply_thread(channel, thread_ts, ts),
        }
        sender = self._get_conversation_id(user, channel, thread_root)
        title = text_field(object_field(action.get("text")).get("text")) or value
        if is_direct_message_channel(channel):
            self._spawn(self._show_choice(channel, message, title))
        self._start(on_new_message, value, sender, metadata)
        return response.text("")

    @staticmethod
    def _is_from_a_person(event: Mapping[str, Any]) -> bool:
        return (
            event.get("type") in ("message", "app_mention")
            and event.get("subtype") in _USER_MESSAGE_SUBTYPES
            and not event.get("bot_id")
            and text_field(event.get("user")) is not None
        )

    @staticmethod
    def _bot_user_ids(envelope: Mapping[str, Any]) -> list[str]:
        """The app's own user ids, whose mentions are removed from the text."""
        authorizations = envelope.get("authorizations")
        authed_users = envelope.get("authed_users")
        ids = [
            *(object_field(a).get("user_id") for a in
              (authorizations if isinstance(authorizations, list) else [])),
            *(authed_users if isinstance(authed_users, list) else []),
        ]
        return [i for i in ids if text_field(i)]

    def _already_handled(self, request: Request, what: str) -> HTTPResponse:
        logger.info(
            "ignored a repeated delivery of %s (Slack retry #%s, reason %s)",
            what,
            request.headers.get(self.retry_num_header, "-"),
            request.headers.get(self.retry_reason_header, "-"),
        )
        return response.text("", headers={"X-Slack-No-Retry": "1"})

    async def _show_choice(self, channel: str, message: Mapping[str, Any], title: str) -> None:
        """Replace a clicked message's buttons with the choice; the reply does not depend on it."""
        client = AsyncWebClient(self.slack_token, base_url=self.api_url, proxy=self.proxy)
        try:
            await client.chat_update(
                channel=channel,
                ts=message["ts"],
                text=message.get("text") or title,
                blocks=answered_blocks(message.get("blocks") or [], title),
            )
        except Exception:
            logger.exception("could not mark the clicked message %s in %s", message["ts"], channel)

    def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        """Run ``work`` after answering Slack, which wants an answer within 3 seconds."""
        task = asyncio.create_task(work)
        self._background_tasks.add(task)
        task.add_done_callback(self._background_tasks.discard)

    def _start(
        self, on_new_message: OnNewMessage, text: str, sender: str | None, metadata: dict[str, Any]
    ) -> None:
        output = self.get_output_channel(metadata["out_channel"], metadata["reply_thread"])
        self._spawn(self._handle(on_new_message, text, sender, metadata, output))

    async def _handle(
        self,
        on_new_message: OnNewMessage,
        text: str,
        sender: str | None,
        metadata: dict[str, Any],
        output: OutputChannel,
    ) -> None:
        try:
            checked = check_text(text)
            if checked is None:
                await output.send_text_message(sender or "", EMPTY_MESSAGE_REPLY)
                return
            text, truncated = checked
            if truncated:
                await output.send_text_message(sender or "", TRUNCATED_NOTE)
            await run_turn(
                on_new_message,
                UserMessage(text, output, sender, input_channel=self.name(), metadata=metadata),
                lambda: getattr(output, "sent", 0),
                lambda reply: output.send_text_message(sender or "", reply),
            )
        except Exception:
            logger.exception("could not handle a Slack message for %s", sender)
            try:
                await output.send_text_message(sender or "", ERROR_REPLY)
            except Exception:
                logger.exception("could not tell %s about the failure either", sender)
