"""``infocoach forget CONVERSATION_ID``: delete one user's conversation, for an operator.

The same deletion as the chat's "delete my data" (infocoach/privacy.py), for
a user who asks by other means. Conversation ids carry their channel:
``rest:<sender>``, ``web:<session id>``, ``slack:...`` (see
infocoach/channels/conversation_ids.py). A turn the server is handling for
that user at the same moment may be written back once it ends: run it again
if the user was chatting.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import sqlalchemy as sa

from infocoach.privacy import NotAnSQLStore, forget, store_url
from infocoach.server.profiles import DEFAULT_ENDPOINTS, ProfileError, load_endpoints


def run(args: argparse.Namespace) -> int:
    try:
        url = store_url(load_endpoints(args.endpoints))
        deleted = forget(url, args.conversation_id)
    except (OSError, ProfileError, NotAnSQLStore, sa.exc.SQLAlchemyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    where = url.render_as_string(hide_password=True)
    if not deleted:
        print(f"no conversation {args.conversation_id!r} in {where}", file=sys.stderr)
        return 1
    print(f"deleted conversation {args.conversation_id!r} ({deleted} events) from {where}")
    return 0


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "forget",
        help="delete one user's conversation from the tracker store",
        description=(
            "Delete every stored event of one conversation, as the chat's 'delete my data' "
            "does. Conversation ids carry their channel: rest:<sender>, web:<session id>, "
            "slack:<...>. Exit code 1 when there was no such conversation."
        ),
    )
    p.add_argument("conversation_id", metavar="CONVERSATION_ID",
                   help="the conversation to delete, e.g. rest:alice")
    p.add_argument(
        "--endpoints", type=Path, default=DEFAULT_ENDPOINTS, metavar="FILE",
        help="the profile the servers run with (default endpoints.yml, SQLite in var/; "
             "endpoints.scale.yml reads INFOCOACH_DB_* like `infocoach serve`)",
    )
    p.set_defaults(func=run)
