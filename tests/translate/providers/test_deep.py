"""deep-translator's real code path against a local LibreTranslate-compatible server,
and recorded responses for other engines."""

from __future__ import annotations

import pytest
import responses

from l10n.errors import ProviderBadOutput, ProviderTimeout, ProviderUnavailable
from l10n.translate.base import parse_provider_config
from l10n.translate.protect import mask, validate
from l10n.translate.registry import make_factory
from l10n.translate.resilience import Backoff, translate_texts
from tests.servers.libre import LibreServer, fake_translate


@pytest.fixture
def server():
    with LibreServer() as s:
        yield s


def run(server_url, texts, *, retries=3, timeout=5.0, concurrency=1, sleeps=None):
    config = parse_provider_config("libre", {"base_url": server_url, "timeout": timeout, "retries": retries,
                                             "concurrency": concurrency})
    factory = make_factory(config, source="en", target="es")
    waits = sleeps if sleeps is not None else []
    out = {}
    for batch in translate_texts(factory, texts, source="en", target="es", concurrency=concurrency,
                                 retries=retries, backoff=Backoff(base=0.01), sleep=waits.append):
        out.update(batch)
    return [out[i] for i in range(len(texts))]


def test_libre_translates_through_deep_translator(server):
    assert run(server.url, ["Take it with food.", "Call ⟦0⟧ now."]) == [
        fake_translate("Take it with food."), fake_translate("Call ⟦0⟧ now.")]
    assert server.requests == ["Take it with food.", "Call ⟦0⟧ now."]


def test_429_then_success_honours_retry_after(server):
    server.script.extend([("429", 7), ("429", 3)])
    sleeps: list[float] = []
    assert run(server.url, ["Seek help."], sleeps=sleeps) == [fake_translate("Seek help.")]
    assert sleeps == [7.0, 3.0]  # the server's Retry-After, not our own backoff
    assert len(server.requests) == 3


def test_500_is_retried_with_backoff_then_reported(server):
    server.script.extend(["500"] * 10)
    sleeps: list[float] = []
    [result] = run(server.url, ["Seek help."], retries=2, sleeps=sleeps)
    assert isinstance(result, ProviderUnavailable) and "HTTP 500" in str(result)
    assert len(server.requests) == 3 and len(sleeps) == 2
    assert sleeps[1] > sleeps[0] * 0.99 / 2  # exponential with jitter: within [d/2, d]


def test_403_is_not_retried(server):
    server.script.append("403")
    [result] = run(server.url, ["Seek help."], retries=3)
    assert isinstance(result, ProviderUnavailable) and "403" in str(result)
    assert len(server.requests) == 1


def test_stall_past_the_timeout_is_a_timeout(server):
    server.script.extend([("stall", 5.0), ("stall", 5.0)])
    [result] = run(server.url, ["Seek help."], retries=1, timeout=0.2)
    assert isinstance(result, ProviderTimeout)


def test_truncated_answer_is_refused(server):
    server.script.append("truncate")
    text = "Kratom can cause dependence: daily use may lead to tolerance ⟦0⟧."
    [answer] = run(server.url, [text])
    with pytest.raises(ProviderBadOutput, match="truncated|lost"):
        validate(mask(text), answer)


@pytest.mark.parametrize("action,reason", [("echo", "echoed"), ("empty", "empty"), ("null", "None"),
                                           ("drop-token", "lost")])
def test_bad_answers_are_refused(server, action, reason):
    server.script.append(action)
    m = mask("Read **the guide** before you start.")
    [answer] = run(server.url, [m.text])
    with pytest.raises(ProviderBadOutput, match=reason):
        validate(m, answer)


def test_one_failure_never_loses_the_batch(server):
    server.script.extend(["ok", "403", "ok"])
    results = run(server.url, ["One dog.", "Two dogs.", "Three dogs."], retries=0)
    assert results[0] == fake_translate("One dog.") and results[2] == fake_translate("Three dogs.")
    assert isinstance(results[1], ProviderUnavailable)


def test_one_client_per_worker(server):
    texts = [f"Sentence number {i} about dogs." for i in range(24)]
    results = run(server.url, texts, concurrency=4)
    assert results == [fake_translate(t) for t in texts]  # no answer mixed up between workers


def test_keys_come_only_from_the_environment():
    from l10n.errors import ConfigError

    with pytest.raises(ConfigError, match="environment"):
        parse_provider_config("deepl", {"api_key": "secret"})
    config = parse_provider_config("deepl", {"api_key_env": "MY_DEEPL"}, environ={"MY_DEEPL": "k-123"})
    assert config.api_key == "k-123" and "k-123" not in repr(config)
    with pytest.raises(ProviderUnavailable, match="api_key_env"):
        make_factory(parse_provider_config("deepl", {}, environ={}), source="en", target="es")()


@responses.activate
def test_mymemory_recorded():
    responses.get("http://api.mymemory.translated.net/get",
                  json={"responseData": {"translatedText": "Busque ayuda ⟦0⟧."}, "matches": []})
    config = parse_provider_config("mymemory", {})
    prov = make_factory(config, source="en", target="es")()
    assert prov.translate_batch(["Seek help ⟦0⟧."], source="en", target="es") == ["Busque ayuda ⟦0⟧."]
    assert "langpair=en" in responses.calls[0].request.url


@responses.activate
def test_mymemory_429_is_rate_limited():
    from l10n.errors import ProviderRateLimited

    responses.get("http://api.mymemory.translated.net/get", status=429, headers={"Retry-After": "11"})
    prov = make_factory(parse_provider_config("mymemory", {}), source="en", target="es")()
    with pytest.raises(ProviderRateLimited) as info:
        prov.translate_batch(["Seek help."], source="en", target="es")
    assert info.value.retry_after == 11.0


@responses.activate
def test_google_recorded():
    responses.get("https://translate.google.com/m",
                  body='<html><div class="result-container">Busque ayuda.</div></html>')
    prov = make_factory(parse_provider_config("google", {}), source="en", target="es")()
    assert prov.translate_batch(["Seek help."], source="en", target="es") == ["Busque ayuda."]
    assert "tl=es" in responses.calls[0].request.url
