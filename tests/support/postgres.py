"""A fresh PostgreSQL database per test, on the server named by ``L10N_TEST_POSTGRES``.

``scripts/pg-start.sh`` starts a throw-away server and prints the variable
(``scripts/test.sh`` and ``.ci/run`` do it when PostgreSQL is installed);
without it, or when the server named cannot be reached (probed once, with a
short timeout), the tests that need a server are skipped, saying so. With
``L10N_REQUIRE_POSTGRES=1`` (scripts/test.sh when it started the server
itself, and CI) they fail instead: a suite that must test the shared memory
never skips it silently.
"""

from __future__ import annotations

import functools
import os
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

from l10n.translate.pgmemory import redact

#: the variable that names the test server, and the one that turns every skip for want of it into a failure
ENV, REQUIRE = "L10N_TEST_POSTGRES", "L10N_REQUIRE_POSTGRES"
#: seconds to wait for the test server to answer the probe
PROBE_TIMEOUT = 3

SKIP_REASON = ("no PostgreSQL server: set L10N_TEST_POSTGRES=postgresql://… "
               "(eval \"$(bash scripts/pg-start.sh)\" starts a throw-away one; apt-get install postgresql)")


def _unavailable(reason: str) -> None:
    """Skip the test, or fail it when the environment requires PostgreSQL (``L10N_REQUIRE_POSTGRES=1``)."""
    if os.environ.get(REQUIRE, "").strip() == "1":
        pytest.fail(f"{REQUIRE}=1 but {reason}", pytrace=False)
    pytest.skip(reason)


@functools.lru_cache(maxsize=None)
def probe(url: str, timeout: float = PROBE_TIMEOUT) -> str | None:
    """None when the server at ``url`` accepts a connection within ``timeout`` seconds, else why not."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=max(1, round(timeout)), autocommit=True):
            return None
    except psycopg.Error as exc:
        lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
        return " ".join(lines) or type(exc).__name__


def server_url() -> str:
    """The test server's URL, or skip the test (fail it, with ``L10N_REQUIRE_POSTGRES=1``)."""
    url = os.environ.get(ENV, "").strip()
    if not url:
        _unavailable(SKIP_REASON)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("psycopg 3 is not installed (pip install -e '.[postgresql]')")
    why = probe(url)
    if why is not None:
        _unavailable(f"the PostgreSQL server of {ENV} ({redact(url)}) cannot be reached: {why}")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    url = server_url()
    import psycopg

    name = "l10n_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path="/" + name))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
