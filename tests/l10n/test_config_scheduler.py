"""``[tool.l10n] scheduler``: where ``l10n run`` sends its tasks (validated when the settings are read)."""

from __future__ import annotations

import pytest

from l10n.config import parse_settings
from l10n.errors import ConfigError


def test_not_set_is_none(tmp_path):
    assert parse_settings({}, tmp_path).scheduler is None


def test_an_address_local_or_a_scheduler_file_relative_to_the_project(tmp_path):
    assert parse_settings({"scheduler": "tcp://10.1.2.3:8786"}, tmp_path).scheduler == "tcp://10.1.2.3:8786"
    assert parse_settings({"scheduler": "local"}, tmp_path).scheduler == "local"
    assert parse_settings({"scheduler": ".dask/scheduler.json"}, tmp_path).scheduler == \
        str((tmp_path / ".dask" / "scheduler.json").resolve())


@pytest.mark.parametrize("value", ["tcp://nohost", "", 8786, ["tcp://a:1"]])
def test_a_bad_value_is_a_config_error_naming_the_key(tmp_path, value):
    with pytest.raises(ConfigError, match=r"^\[tool.l10n\] scheduler"):
        parse_settings({"scheduler": value}, tmp_path)
