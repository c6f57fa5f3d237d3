"""``l10n run -j N`` and ``l10n run --scheduler``: the same outputs wherever the stages run; on a cluster the
translation memory is one every worker shares (PostgreSQL), never the project's SQLite file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.dask_cluster import closed_port
from tests.support.postgres import pg_url  # noqa: F401  (fixture)

EPOCH = "1764800000"
ENGINES = '\n[tool.l10n.engines]\nen_XA = "pseudo"\n'


def _outputs(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for folder in ("locales", "dist", "dist-preview")
            for p in sorted((root / folder).rglob("*")) if p.is_file() and p.suffix != ".mo"}


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def cluster():
    """The scheduler address of a LocalCluster started without the tests' SOURCE_DATE_EPOCH: its workers' clock
    is not the client's, and the outputs are still those of a run here (dates are the client's)."""
    pytest.importorskip("distributed")
    from tests.support.dask_cluster import local_cluster

    with local_cluster(2) as client:
        yield client.scheduler.address


@pytest.fixture
def project(make_project):
    root = make_project(bundled=True, glossary=True, locales=("es", "ca", "fr", "pt_BR", "ar"))
    with open(root / "pyproject.toml", "a", encoding="utf-8") as f:
        f.write(ENGINES)
    return root


def test_a_run_on_a_dask_cluster_writes_what_a_local_run_writes(project, cli, monkeypatch, cluster, pg_url):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)  # here only: the workers keep their own clock
    other = project.parent / "other"
    shutil.copytree(project, other)
    local = cli(project, "run", "-j", "1")
    remote = cli(other, "run", "--scheduler", cluster, env={"L10N_TM": pg_url})
    assert (local.exit_code, remote.exit_code) == (0, 0), remote.output
    assert "· Dask scheduler tcp://127.0.0.1:" in remote.stderr
    assert _outputs(other) == _outputs(project) and _outputs(project)


def test_a_run_on_a_dask_cluster_refuses_the_sqlite_memory_before_any_stage(project, cli, monkeypatch, cluster):
    monkeypatch.delenv("L10N_TM", raising=False)
    before = _tree(project)
    result = cli(project, "run", "--scheduler", cluster)
    assert result.exit_code == 2, result.output
    assert "needs a translation memory every worker shares, not the SQLite file" in result.stderr
    assert 'tm = "postgresql://…"' in result.stderr and "L10N_TM=postgresql://…" in result.stderr
    assert "--scheduler" in result.stderr
    assert "· extract" not in result.output
    assert _tree(project) == before  # nothing written: no template, catalog, memory, cache or page


def test_an_unreachable_scheduler_is_a_one_line_error(project, cli, monkeypatch):
    pytest.importorskip("distributed")
    import functools

    from l10n.execute import dask

    monkeypatch.setattr(dask, "DaskExecutor", functools.partial(dask.DaskExecutor, timeout=1))
    result = cli(project, "run", "--scheduler", f"tcp://127.0.0.1:{closed_port()}")
    assert result.exit_code == 2
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:" in result.stderr
    assert not (project / "dist").exists()  # nothing was run


def test_a_bad_scheduler_in_the_environment_is_a_one_line_error(project, cli):
    result = cli(project, "run", env={"L10N_SCHEDULER": "udp://x:1"})
    assert result.exit_code == 2 and "$L10N_SCHEDULER: 'udp://x:1' is not tcp://HOST:PORT" in result.stderr
