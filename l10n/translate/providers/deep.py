"""deep-translator's engines, made safe: the only module that imports ``deep_translator``.

deep-translator has no timeouts, no retries, no common exception base, and
an instance keeps per-request state (a shared one mixes up answers). This
adapter:

* gives every HTTP request a timeout: each engine module's ``requests`` is
  seen through a small shim that adds the calling worker's timeout and keeps
  the last response (for its status and ``Retry-After``), per thread;
* maps every exception to a :class:`~l10n.errors.ProviderError` subclass;
* is created once per worker by the registry (one client per worker);
* takes keys only from the environment variables named in
  ``[tool.l10n.providers.<name>]`` (``api_key_env``, ``secret_env``).

Engines: the running-text translators of deep-translator (dictionaries such
as Linguee and PONS are not): ``google``, ``deepl``, ``microsoft``,
``mymemory``, ``libre``, ``yandex``, ``papago``, ``baidu``, ``qcri`` and
``chatgpt`` (needs the ``openai`` package).
"""

from __future__ import annotations

import importlib
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import requests

from l10n.errors import ProviderBadOutput, ProviderError, ProviderTimeout, ProviderUnavailable
from l10n.translate.base import ProviderConfig, status_error

__all__ = ["ENGINES", "DeepTranslatorProvider"]

_state = threading.local()


class _RequestsShim:
    """``requests`` as deep-translator's modules see it: with a timeout, remembering the response."""

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def _call(self, method: str, *args: Any, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", getattr(_state, "timeout", None) or 30.0)
        _state.response = None
        response = getattr(requests, method)(*args, **kwargs)
        _state.response = response
        return response

    def get(self, *args: Any, **kwargs: Any) -> requests.Response:
        return self._call("get", *args, **kwargs)

    def post(self, *args: Any, **kwargs: Any) -> requests.Response:
        return self._call("post", *args, **kwargs)


_SHIM = _RequestsShim()
_installed: set[str] = set()
_install_lock = threading.Lock()


@dataclass(frozen=True)
class Engine:
    """How to build one deep-translator engine."""

    module: str
    cls: str
    max_chars: int
    key: str | None = None        # constructor argument taking the key (api_key, client_id, appid)
    secret: str | None = None     # constructor argument taking the second secret
    needs_key: bool = True
    base_url_arg: str | None = None


ENGINES: dict[str, Engine] = {
    "google": Engine("google", "GoogleTranslator", 4999, needs_key=False),
    "mymemory": Engine("mymemory", "MyMemoryTranslator", 499, needs_key=False),
    "libre": Engine("libre", "LibreTranslator", 4999, key="api_key", needs_key=False, base_url_arg="custom_url"),
    "deepl": Engine("deepl", "DeeplTranslator", 4999, key="api_key"),
    "microsoft": Engine("microsoft", "MicrosoftTranslator", 4999, key="api_key"),
    "yandex": Engine("yandex", "YandexTranslator", 4999, key="api_key"),
    "papago": Engine("papago", "PapagoTranslator", 4999, key="client_id", secret="secret_key"),
    "baidu": Engine("baidu", "BaiduTranslator", 4999, key="appid", secret="appkey"),
    "qcri": Engine("qcri", "QcriTranslator", 4999, key="api_key"),
    "chatgpt": Engine("chatgpt", "ChatGptTranslator", 4999, key="api_key"),
}


def _lang_candidates(locale: str) -> list[str]:
    """Codes to try for a locale: ``pt_BR`` → pt-BR, pt, pt-PT...; ``es`` → es, es-ES."""
    parts = locale.replace("_", "-").split("-")
    base = parts[0].lower()
    out = []
    if len(parts) > 1:
        out += [f"{base}-{parts[1].upper()}", f"{base}-{parts[1].lower()}"]
    out += [base, f"{base}-{base.upper()}"]
    return list(dict.fromkeys(out))


def _retry_after() -> float | None:
    response = getattr(_state, "response", None)
    value = response.headers.get("Retry-After") if response is not None else None
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class DeepTranslatorProvider:
    """One deep-translator engine instance, for one worker and one language pair."""

    batch_size = 1

    def __init__(self, config: ProviderConfig, *, engine: str | None = None, source: str = "en",
                 target: str = "es") -> None:
        self.name = config.name
        key = engine or config.name
        if key not in ENGINES:
            raise ProviderUnavailable(f"{config.name}: not a deep-translator engine (known: {', '.join(ENGINES)})")
        self.engine = ENGINES[key]
        self.config = config
        self.max_chars = config.max_chars or self.engine.max_chars
        cls: Callable[..., Any] = getattr(self._engine_module(), self.engine.cls)
        kwargs = self._credentials() | self._options()
        keyless_libre = key == "libre" and not config.api_key
        if keyless_libre:
            kwargs["api_key"] = "unused"  # the constructor insists; removed below (a keyless server)
        self._client = self._construct(cls, kwargs, source, target)
        if keyless_libre:
            self._client.api_key = None
        if config.base_url and not self.engine.base_url_arg:
            self._client._base_url = config.base_url  # MyMemory-compatible and other servers

    def _engine_module(self) -> Any:
        """The engine's deep-translator module, its HTTP calls going through the shim (installed once)."""
        try:
            module = importlib.import_module(f"deep_translator.{self.engine.module}")
            self._exc = importlib.import_module("deep_translator.exceptions")
        except ImportError as exc:
            raise ProviderUnavailable(f"{self.config.name}: deep-translator engine unavailable ({exc})") from None
        with _install_lock:
            if self.engine.module not in _installed and hasattr(module, "requests"):
                module.requests = _SHIM
                _installed.add(self.engine.module)
        return module

    def _credentials(self) -> dict[str, Any]:
        """The key and secret arguments of the engine's constructor (an engine that needs one and lacks it
        is unavailable)."""
        config, engine = self.config, self.engine
        kwargs: dict[str, Any] = {}
        if engine.key and config.api_key:
            kwargs[engine.key] = config.api_key
        elif engine.key and engine.needs_key:
            raise ProviderUnavailable(
                f"{config.name}: needs a key; set api_key_env in [tool.l10n.providers.{config.name}] "
                "to the name of an environment variable holding it")
        if engine.secret:
            if not config.secret:
                raise ProviderUnavailable(f"{config.name}: needs a second secret; set secret_env in "
                                          f"[tool.l10n.providers.{config.name}]")
            kwargs[engine.secret] = config.secret
        return kwargs

    def _options(self) -> dict[str, Any]:
        """The engine's other constructor arguments: email, region, model, and the server's URL."""
        config = self.config
        kwargs = {opt: config.extra[opt] for opt in ("email", "region", "model") if opt in config.extra}
        if self.engine.base_url_arg and config.base_url:
            kwargs[self.engine.base_url_arg] = config.base_url.rstrip("/") + "/"
        return kwargs

    def _construct(self, cls: Callable[..., Any], kwargs: dict[str, Any], source: str, target: str) -> Any:
        module = importlib.import_module(cls.__module__)
        codes: list[str] = []
        for name in dir(module):  # the engine's own table of supported codes
            value = getattr(module, name)
            if name.endswith("LANGUAGES_TO_CODES") and isinstance(value, dict):
                codes = [str(v) for v in value.values()]

        def candidates(locale: str) -> list[str]:
            out = _lang_candidates(locale)
            if not codes:
                return out
            base = locale.replace("_", "-").split("-")[0].lower()
            known = [c for c in out if c in codes] + [c for c in codes if c.lower().startswith(base + "-")]
            return list(dict.fromkeys(known)) or out

        last: Exception | None = None
        for src in candidates(source)[:3]:
            for tgt in candidates(target)[:3]:
                try:
                    return cls(source=src, target=tgt, **kwargs)
                except (self._exc.LanguageNotSupportedException, self._exc.InvalidSourceOrTargetLanguage) as exc:
                    last = exc
                except self._exc.ApiKeyException as exc:
                    raise ProviderUnavailable(f"{self.name}: the key is missing") from exc
                except Exception as exc:  # engines validate differently
                    raise ProviderUnavailable(f"{self.name}: {type(exc).__name__}: {exc}") from None
        raise ProviderUnavailable(f"{self.name}: language pair {source}->{target} not supported"
                                  + (f" ({type(last).__name__})" if last else ""))

    def _one(self, text: str) -> str:
        exc_mod = self._exc
        _state.timeout = self.config.timeout
        try:
            out = self._client.translate(text)
        except requests.Timeout:
            raise ProviderTimeout(f"{self.name}: no answer within {self.config.timeout:g} s") from None
        except requests.ConnectionError:
            err = ProviderUnavailable(f"{self.name}: cannot connect")
            err.transient = True  # type: ignore[attr-defined]
            raise err from None
        except ProviderError:
            raise
        except (exc_mod.TooManyRequests, exc_mod.ServerException, exc_mod.RequestError,
                exc_mod.AuthorizationException) as exc:
            response = getattr(_state, "response", None)
            status = response.status_code if response is not None else 0
            if isinstance(exc, exc_mod.TooManyRequests):
                status = 429
            elif isinstance(exc, exc_mod.AuthorizationException):
                status = status if status in (401, 403) else 403
            if not status:
                raise ProviderUnavailable(f"{self.name}: {type(exc).__name__}") from None
            raise status_error(self.name, status, retry_after=_retry_after()) from None
        except exc_mod.TranslationNotFound:
            raise ProviderBadOutput(f"{self.name}: no translation found") from None
        except (ValueError, KeyError, TypeError, AttributeError, StopIteration) as exc:
            response = getattr(_state, "response", None)
            if response is not None and not 200 <= response.status_code < 300:
                # e.g. LibreTranslator's AuthorizationException(None) itself fails on a keyless 403
                raise status_error(self.name, response.status_code, retry_after=_retry_after()) from None
            raise ProviderBadOutput(f"{self.name}: unreadable answer ({type(exc).__name__})") from None
        except Exception as exc:  # deep-translator has no common base class
            raise ProviderUnavailable(f"{self.name}: {type(exc).__name__}: {exc}") from None
        if isinstance(out, list):  # some engines may return alternatives
            out = out[0] if out else None
        return out  # validated by the caller (None, empty, echo, tokens)

    def translate_batch(self, texts: Sequence[str], *, source: str, target: str) -> list[str]:
        """Translate each text with its own request (deep-translator's batch is a loop too)."""
        return [self._one(t) for t in texts]
