"""The provider protocol, provider settings, and the mapping of engine errors.

A provider turns a list of texts into a list of translations, in order, or
raises a :class:`~l10n.errors.ProviderError` subclass (never anything else):

* :class:`~l10n.errors.ProviderUnavailable` — engine missing, unreachable, key refused
* :class:`~l10n.errors.ProviderRateLimited` — 429 (``retry_after`` when the engine said)
* :class:`~l10n.errors.ProviderTimeout` — no answer within ``timeout``
* :class:`~l10n.errors.ProviderBadOutput` — an answer that cannot be trusted

Providers know nothing about retries, rate limits, threads, masking or the
memory: :mod:`l10n.translate.resilience` and :mod:`l10n.translate.run` do that
around every provider alike.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from l10n.errors import (ConfigError, ProviderBadOutput, ProviderError, ProviderRateLimited, ProviderTimeout,
                         ProviderUnavailable)

__all__ = ["Provider", "ProviderConfig", "map_provider_errors", "parse_provider_config", "retryable", "status_error"]


@runtime_checkable
class Provider(Protocol):
    """A machine-translation engine as the toolkit sees it.

    ``max_chars`` is the longest text one request may carry (longer segments
    are chunked); ``batch_size`` how many texts one call may carry (1 for
    engines that take one text per request).
    """

    name: str
    max_chars: int
    batch_size: int

    def translate_batch(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """One translation per input, same order. Raise ProviderError subclasses only."""


_KNOWN_KEYS = {"base_url", "timeout", "rate_limit", "concurrency", "api_key_env", "secret_env", "retries",
               "max_chars", "batch_size", "pair", "command", "email", "region", "model", "backoff"}


@dataclass(frozen=True)
class ProviderConfig:
    """``[tool.l10n.providers.<name>]`` validated, plus the key read from the environment.

    ``rate_limit`` is requests per second (0 = unlimited); ``concurrency`` the
    number of workers, each with its own client. Keys come only from
    environment variables named by ``api_key_env`` / ``secret_env``; they are
    never printed (``repr`` hides them).
    """

    name: str
    base_url: str | None = None
    timeout: float = 30.0
    rate_limit: float = 0.0
    concurrency: int = 1
    retries: int = 4
    backoff: float = 0.5
    max_chars: int | None = None
    batch_size: int | None = None
    api_key_env: str | None = None
    secret_env: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    api_key: str | None = field(default=None, repr=False)
    secret: str | None = field(default=None, repr=False)


def _number(table: Mapping[str, Any], key: str, default: float, name: str, *, minimum: float = 0.0,
            integer: bool = False) -> Any:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < minimum:
        raise ConfigError(f"[tool.l10n.providers.{name}] {key} must be a number >= {minimum}, not {value!r}")
    if integer:
        if int(value) != value:
            raise ConfigError(f"[tool.l10n.providers.{name}] {key} must be a whole number, not {value!r}")
        return int(value)
    return float(value)


def _optional_whole(table: Mapping[str, Any], key: str, name: str) -> int | None:
    """A whole number >= 1 if the table sets ``key``, else None (the engine's own limit)."""
    return _number(table, key, 1, name, minimum=1, integer=True) if key in table else None


def _merged(name: str, table: Mapping[str, Any] | None, overrides: Mapping[str, Any] | None) -> dict[str, Any]:
    """The table with the overrides that are set, its keys checked (no secrets, nothing unknown)."""
    merged: dict[str, Any] = dict(table or {})
    merged.update({k: v for k, v in (overrides or {}).items() if v is not None})
    if "api_key" in merged or "secret" in merged:
        raise ConfigError(f"[tool.l10n.providers.{name}] put keys in environment variables and name them "
                          "with api_key_env / secret_env, never in the configuration")
    unknown = sorted(set(merged) - _KNOWN_KEYS)
    if unknown:
        raise ConfigError(f"[tool.l10n.providers.{name}] unknown key(s): {', '.join(unknown)}")
    base_url = merged.get("base_url")
    if base_url is not None and (not isinstance(base_url, str) or not base_url.startswith(("http://", "https://"))):
        raise ConfigError(f"[tool.l10n.providers.{name}] base_url must be an http(s) URL")
    return merged


def _secrets(name: str, merged: Mapping[str, Any], env: Mapping[str, str]) -> dict[str, str | None]:
    """``api_key`` and ``secret`` read from the environment variables the table names."""
    keys: dict[str, str | None] = {}
    for key_name, env_key in (("api_key", "api_key_env"), ("secret", "secret_env")):
        var = merged.get(env_key)
        if var is not None and (not isinstance(var, str) or not var.strip()):
            raise ConfigError(f"[tool.l10n.providers.{name}] {env_key} must name an environment variable")
        keys[key_name] = env.get(var) if var else None
    return keys


def parse_provider_config(name: str, table: Mapping[str, Any] | None, overrides: Mapping[str, Any] | None = None,
                          environ: Mapping[str, str] | None = None) -> ProviderConfig:
    """Validate one provider's table (``overrides`` such as ``--base-url`` win).

    >>> parse_provider_config("libre", {"base_url": "http://127.0.0.1:5000/", "concurrency": 4}).concurrency
    4
    """
    merged = _merged(name, table, overrides)
    keys = _secrets(name, merged, os.environ if environ is None else environ)
    extra = {k: merged[k] for k in ("pair", "command", "email", "region", "model") if k in merged}
    return ProviderConfig(
        name=name, base_url=merged.get("base_url"),
        timeout=_number(merged, "timeout", 30.0, name, minimum=0.001),
        rate_limit=_number(merged, "rate_limit", 0.0, name),
        concurrency=_number(merged, "concurrency", 1, name, minimum=1, integer=True),
        retries=_number(merged, "retries", 4, name, integer=True),
        backoff=_number(merged, "backoff", 0.5, name),
        max_chars=_optional_whole(merged, "max_chars", name),
        batch_size=_optional_whole(merged, "batch_size", name),
        api_key_env=merged.get("api_key_env"), secret_env=merged.get("secret_env"),
        extra=extra, api_key=keys["api_key"], secret=keys["secret"])


def _status_error(name: str, status: int, retry_after: float | None, detail: str) -> ProviderError:
    if status == 429:
        return ProviderRateLimited(f"{name}: rate limited (HTTP 429)", retry_after=retry_after)
    if status in (408, 504):
        return ProviderTimeout(f"{name}: timed out (HTTP {status})")
    if status >= 500:
        err = ProviderUnavailable(f"{name}: server error (HTTP {status})")
        err.transient = True  # type: ignore[attr-defined]
        return err
    if status in (401, 403):
        return ProviderUnavailable(f"{name}: access refused (HTTP {status}); check the key's environment variable")
    return ProviderBadOutput(f"{name}: request rejected (HTTP {status}){': ' + detail if detail else ''}")


def status_error(name: str, status: int, *, retry_after: float | None = None, detail: str = "") -> ProviderError:
    """The ProviderError for an HTTP status (429 → rate limited, 5xx → unavailable...)."""
    return _status_error(name, status, retry_after, detail)


def retryable(exc: ProviderError) -> bool:
    """Whether an error is worth another attempt: 429, 5xx and timeouts, not a refused key."""
    if isinstance(exc, (ProviderRateLimited, ProviderTimeout)):
        return True
    return isinstance(exc, ProviderUnavailable) and getattr(exc, "transient", False)


@contextlib.contextmanager
def map_provider_errors(name: str, *, rate_limited: tuple[type[BaseException], ...] = (),
                        timeouts: tuple[type[BaseException], ...] = ()) -> Iterator[None]:
    """Turn whatever an engine raises into a ProviderError subclass.

    ``KeyboardInterrupt`` and ``SystemExit`` pass through untouched.
    """
    try:
        yield
    except ProviderError:
        raise
    except rate_limited as exc:
        raise ProviderRateLimited(f"{name}: {exc}") from exc
    except timeouts as exc:
        raise ProviderTimeout(f"{name}: no answer in time") from exc
    except Exception as exc:  # engines have no common exception base
        raise ProviderUnavailable(f"{name}: {type(exc).__name__}: {exc}") from exc
