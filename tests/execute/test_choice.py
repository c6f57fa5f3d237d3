"""Choosing the executor: --scheduler > $L10N_SCHEDULER > [tool.l10n] scheduler > local."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import ConfigError
from l10n.execute import PARALLEL_FROM, LocalExecutor, SerialExecutor
from l10n.execute.choice import LOCAL, choose_scheduler, executor_for, parse_scheduler


@pytest.mark.parametrize("value", ["tcp://127.0.0.1:8786", "tcp://dask-scheduler.internal:8786", "tcp://[::1]:8786"])
def test_tcp_addresses_are_kept(value):
    assert parse_scheduler(value, source="x") == value


def test_local_and_scheduler_files(tmp_path):
    assert parse_scheduler(" local ", source="x") == LOCAL
    assert parse_scheduler("cluster/scheduler.json", source="x", base=tmp_path) == \
        str(tmp_path / "cluster" / "scheduler.json")


@pytest.mark.parametrize("value", ["", "   ", 8786, "tcp://host", "tcp://host:0", "tcp://host:99999",
                                   "http://host:8786", "tcp://ho st:8786"])
def test_anything_else_is_refused_naming_where_it_came_from(value):
    with pytest.raises(ConfigError, match="^--scheduler"):
        parse_scheduler(value, source="--scheduler")


def test_precedence():
    env = {"L10N_SCHEDULER": "tcp://from-env:1"}
    assert choose_scheduler("tcp://from-settings:1", "tcp://from-cli:1", env).address == "tcp://from-cli:1"
    assert choose_scheduler("tcp://from-settings:1", None, env).address == "tcp://from-env:1"
    chosen = choose_scheduler("tcp://from-settings:1", None, {})
    assert (chosen.address, chosen.source) == ("tcp://from-settings:1", "[tool.l10n] scheduler")
    assert choose_scheduler(None, None, {}).local
    assert choose_scheduler("tcp://from-settings:1", "local", env).local  # `--scheduler local` overrides all


def test_a_bad_environment_variable_is_named():
    with pytest.raises(ConfigError, match=r"^\$L10N_SCHEDULER: 'nope://x' is not tcp://HOST:PORT"):
        choose_scheduler(None, None, {"L10N_SCHEDULER": "nope://x"})


def test_local_executors_need_no_dask(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    assert isinstance(executor_for(None, 1, None, environ={}), SerialExecutor)
    ex = executor_for(None, 3, "local", environ={"L10N_SCHEDULER": "tcp://x:1"})
    assert isinstance(ex, LocalExecutor) and ex.workers == 3 and ex.min_items == 2
    default = executor_for(None, None, None, environ={})  # no -j: forks only when there is enough work
    assert isinstance(default, LocalExecutor) and default.min_items == PARALLEL_FROM


def test_a_scheduler_without_dask_installed_says_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(ConfigError, match=r"pip install 'l10n\[dask\]'"):
        executor_for(None, 1, "tcp://127.0.0.1:8786", environ={})


def test_a_relative_scheduler_file_from_the_command_line_is_read_from_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert choose_scheduler(None, "sched.json", {}).address == str(Path(tmp_path, "sched.json").resolve())
