"""Provider names → classes: a lazy table of built-ins plus ``l10n.providers`` entry points.

Nothing heavy is imported until a provider is chosen. A plug-in package
declares, in its own ``pyproject.toml``::

    [project.entry-points."l10n.providers"]
    mycorp = "mycorp_mt:MyCorpProvider"

and the class is called as ``MyCorpProvider(config, source=..., target=...)``
(``config`` is a :class:`~l10n.translate.base.ProviderConfig`); it must
satisfy :class:`~l10n.translate.base.Provider`. :func:`register` does the
same at run time (tests, embedding applications).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import partial
from importlib.metadata import entry_points
from typing import Any

from l10n.errors import ConfigError, ProviderError, ProviderUnavailable
from l10n.translate.base import Provider, ProviderConfig

__all__ = ["available", "make_factory", "register", "unregister"]

_DEEP = "l10n.translate.providers.deep:DeepTranslatorProvider"
_BUILTIN: dict[str, str] = {
    "apertium": "l10n.translate.providers.apertium:ApertiumProvider",
    "apy": "l10n.translate.providers.apy:ApyProvider",
    "pseudo": "l10n.translate.providers.pseudo:PseudoProvider",
    "fake": "l10n.translate.providers.fake:FakeProvider",
    **{name: _DEEP for name in ("google", "deepl", "microsoft", "mymemory", "libre", "yandex", "papago",
                                "baidu", "qcri", "chatgpt")},
}
_RUNTIME: dict[str, Callable[..., Provider]] = {}
GROUP = "l10n.providers"


def register(name: str, factory: Callable[..., Provider]) -> None:
    """Add a provider at run time: ``factory(config, source=..., target=...)``."""
    _RUNTIME[name] = factory


def unregister(name: str) -> None:
    """Remove a provider added with :func:`register`."""
    _RUNTIME.pop(name, None)


def _plugins() -> dict[str, Any]:
    return {ep.name: ep for ep in entry_points(group=GROUP)}


def available() -> list[str]:
    """Every provider name: built-ins, plug-ins and run-time registrations, sorted."""
    return sorted(set(_BUILTIN) | set(_plugins()) | set(_RUNTIME))


def _load(name: str) -> Callable[..., Provider]:
    if name in _RUNTIME:
        return _RUNTIME[name]
    if name in _BUILTIN:
        module, _, attr = _BUILTIN[name].partition(":")
        return getattr(importlib.import_module(module), attr)
    plugins = _plugins()
    if name in plugins:
        try:
            return plugins[name].load()
        except Exception as exc:
            raise ProviderUnavailable(f"{name}: plug-in failed to load: {type(exc).__name__}: {exc}") from None
    raise ConfigError(f"unknown provider {name!r}; known: {', '.join(available())}")


def make_factory(config: ProviderConfig, *, source: str, target: str) -> Callable[[], Provider]:
    """A zero-argument callable making a fresh provider (one per worker).

    The provider class is imported now, so an unknown name fails before any work.
    """
    cls = _load(config.name)
    factory = partial(cls, config, source=source, target=target)

    def make() -> Provider:
        try:
            return factory()
        except ProviderError:
            raise
        except (TypeError, ValueError) as exc:
            raise ProviderUnavailable(f"{config.name}: cannot be set up: {exc}") from None

    return make
