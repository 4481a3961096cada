"""Real PostgreSQL, Redis and several Rasa servers for the scale and fault tests.

Everything is started once per test session, in parallel (Rasa's start-up
dominates), on free loopback ports with throw-away data, and stopped at the
end:

- ``scale``: two Rasa replicas on the scale profile (PostgreSQL tracker store,
  Redis lock store) sharing one action server;
- ``embedded``: two Rasa replicas on the default profile (one SQLite file,
  Rasa's in-memory lock store), using the same action server. One of them is
  the default deployment; the pair shows what goes wrong without a shared lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from infocoach.server.processes import Servers, free_port
from infocoach.server.profiles import DEFAULT_ENDPOINTS, SCALE_ENDPOINTS
from tests.scale.services import Postgres, Redis, ServiceMissing


@dataclass
class Pair:
    """Two Rasa replicas on one profile, and where their conversations are stored."""

    first: Servers  # also runs the shared action server
    second: Servers
    store_url: str  # SQLAlchemy URL of the tracker store

    @property
    def replicas(self) -> tuple[Servers, Servers]:
        return self.first, self.second


@dataclass
class Cluster:
    postgres: Postgres
    redis: Redis
    scale: Pair
    embedded: Pair


@pytest.fixture(scope="session")
def cluster(tmp_path_factory) -> Iterator[Cluster]:
    try:
        postgres, redis = Postgres().setup(), Redis().start()
    except ServiceMissing as exc:
        pytest.fail(str(exc))
    run_dir = tmp_path_factory.mktemp("scale")
    actions_port = free_port()
    scale_env = {**postgres.env(), **redis.env()}
    sqlite_db = run_dir / "tracker.db"

    def replica(endpoints, env=None) -> Servers:
        return Servers(port=free_port(), actions_port=actions_port, endpoints=endpoints,
                       tracker_db=sqlite_db, run_dir=run_dir, env=env or {},
                       progress=lambda m: print(f"[scale] {m}"))

    scale = Pair(replica(SCALE_ENDPOINTS, scale_env), replica(SCALE_ENDPOINTS, scale_env),
                 postgres.url)
    embedded = Pair(replica(DEFAULT_ENDPOINTS), replica(DEFAULT_ENDPOINTS),
                    f"sqlite:///{sqlite_db}")
    starts = [scale.first.start_actions, *(s.start_rasa for s in (
        *scale.replicas, *embedded.replicas))]
    try:
        with ThreadPoolExecutor(max_workers=len(starts)) as pool:
            for future in [pool.submit(start) for start in starts]:
                future.result()
        yield Cluster(postgres, redis, scale, embedded)
    finally:
        for servers in (*scale.replicas, *embedded.replicas):
            servers.stop()
        postgres.teardown()
        redis.teardown()
