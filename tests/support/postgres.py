"""A fresh PostgreSQL database per test, on the server named by ``L10N_TEST_POSTGRES``.

``scripts/pg-start.sh`` starts a throw-away server and prints the variable
(``scripts/test.sh`` and ``.ci/run`` do it when PostgreSQL is installed);
without it the tests that need a server are skipped, saying so.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

SKIP_REASON = ("no PostgreSQL server: set L10N_TEST_POSTGRES=postgresql://… "
               "(eval \"$(bash scripts/pg-start.sh)\" starts a throw-away one; apt-get install postgresql)")


def server_url() -> str:
    """The test server's URL, or skip the test."""
    url = os.environ.get("L10N_TEST_POSTGRES", "").strip()
    if not url:
        pytest.skip(SKIP_REASON)
    pytest.importorskip("psycopg", reason="psycopg 3 is not installed (pip install -e '.[postgresql]')")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a new, empty database, dropped after the test."""
    import psycopg

    url = server_url()
    name = "l10n_test_" + uuid.uuid4().hex[:12]
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(urlsplit(url)._replace(path="/" + name))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
