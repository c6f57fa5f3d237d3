"""Polarity and claims (L10N321-L10N323), their data files and the coverage they declare."""

from __future__ import annotations

import shutil
from pathlib import Path

import polib
import pytest

from l10n.checks import check_catalog
from l10n.checks import polarity as P
from l10n.checks.coverage import coverage, format_coverage, meaning_verified
from l10n.errors import ConfigError

CODES = {"L10N321", "L10N322", "L10N323", "L10N324"}


def run(locale: str, src: str, tgt: str, **kw) -> list:
    po = polib.POFile()
    po.metadata = {"Language": locale}
    po.append(polib.POEntry(msgid=src, msgstr=tgt, **kw))
    return [f for f in check_catalog(po, locale=locale, glossary=None, select=set(CODES)) if f.code in CODES]


def poles(locale: str, text: str) -> list[str]:
    return [r.pole for r in P.analyse(P.lexicon(locale), text)]


# -- negation expressed by a word is read as what it means ------------------------------------------------

@pytest.mark.parametrize("locale,src,tgt", [
    ("es", "Do not drink alcohol.", "Evite el alcohol."),
    ("es", "Do not use it with alcohol.", "Evite usarlo con alcohol."),
    ("es", "Take no more than 4 g a day.", "No tome más de 4 g al día."),
    ("es", "Take no more than 4 g a day.", "Tome como máximo 4 g al día."),
    ("pt_BR", "Do not drink alcohol.", "Evite o álcool."),
    ("pt_BR", "Take no more than 4 g a day.", "Tome no máximo 4 g por dia."),
    ("fr", "Do not drink alcohol.", "Évitez l'alcool."),
    ("fr", "Take no more than 3 doses.", "N'en prenez pas plus de 3 doses."),
    ("fr", "Take no more than 3 doses.", "Prenez au maximum 3 doses."),
    ("ca", "Do not drink alcohol.", "Eviteu l'alcohol."),
    ("ca", "Take no more than 5 g.", "No en preneu més de 5 g."),
    ("de", "Do not drink alcohol.", "Vermeiden Sie Alkohol."),
    ("de", "Do not use it.", "Verwenden Sie es nicht."),
    ("de", "Take no more than 2 g.", "Nehmen Sie nicht mehr als 2 g ein."),
    ("ar", "Do not drink alcohol.", "تجنب الكحول."),
    ("ar", "Take no more than 4 g a day.", "لا تتجاوز ٤ غرامات يوميًا."),
    ("es", "It is not safe to drive.", "Es peligroso conducir."),
    ("es", "It is not recommended in pregnancy.", "Está contraindicado en el embarazo."),
    ("pt_BR", "Kratom is not approved for any medical use.", "O kratom não foi aprovado para uso médico."),
])
def test_lexical_negation_is_not_a_reversal(locale, src, tgt):
    assert run(locale, src, tgt) == []


@pytest.mark.parametrize("locale,src,tgt,n", [
    ("es", "Do not drink alcohol.", "Evite el alcohol.", 1),
    ("es", "Take no more than 4 g a day.", "Tome como máximo 4 g al día.", 1),
    ("pt_BR", "Take no more than 4 g a day.", "Tome no máximo 4 g por dia.", 1),
    ("fr", "It is not safe.", "C'est dangereux.", 1),
    ("de", "Do not use it.", "Vermeiden Sie es.", 1),
    ("ar", "Do not drink alcohol.", "تجنب الكحول.", 1),
    ("es", "Do not drink alcohol.", "No beba alcohol.", 0),      # the negation is a "no": nothing to explain
    ("es", "Do not drink alcohol.", "Beba alcohol.", 0),         # dropped
    ("es", "Take no more than 4 g.", "No tome más de 4 g.", 0),  # "no ~ más de": its own negation
    ("nl", "Do not drink alcohol.", "Vermijd alcohol.", 0),      # no lexicon
])
def test_lexical_negations_for_the_negation_check(locale, src, tgt, n):
    assert P.lexical_negations(locale, src, tgt) == n


def test_negation_flips_the_nearest_pole_only():
    en = P.source_concepts()
    assert [r.pole for r in P.analyse(en, "Do not use it with alcohol.")] == ["avoid", "with"]
    assert [r.pole for r in P.analyse(en, "It is not safe.")] == ["unsafe"]
    assert [r.pole for r in P.analyse(en, "Kratom is not approved.")] == ["not:approved"]
    # a negation does not reach across a clause boundary
    assert [r.pole for r in P.analyse(en, "If it does not help, use less.")] == ["use", "less"]
    # the phrase holds its own negation: "no more than" is at most, not a negated "more"
    assert [r.pole for r in P.analyse(en, "Take no more than 2 g.")] == ["use", "at_most"]


def test_german_negation_after_the_verb():
    assert poles("de", "Verwenden Sie dieses Produkt nicht.") == ["avoid"]
    assert poles("de", "Kratom ist bei Epilepsie nicht angezeigt.") == ["contraindicated"]


def test_french_ne_pas_is_one_negation():
    # "pas" after "n'" does not flip a second pole ("avec")
    assert poles("fr", "Ne prenez pas de kratom avec de l'alcool.") == ["avoid", "with"]


def test_german_synthetic_comparative():
    assert poles("de", "Kapseln sind wirksamer als Tee.") == ["more"]
    assert poles("de", "Kapseln sind weniger wirksam als Tee.") == ["less"]
    assert poles("de", "Nehmen Sie weniger als 2 g.") == ["use", "less"]
    assert poles("de", "Tee oder als Kapsel.") == []
    assert [f.code for f in run("de", "Tea is less potent than extract.", "Tee ist stärker als Extrakt.")] == [
        "L10N324"]


def test_arabic_clitics_and_harakat():
    assert poles("ar", "وتجنب الكحول") == ["avoid"]
    assert poles("ar", "الكراتوم المعتمد من الهيئة") == ["approved"]
    assert poles("ar", "يُمنع استعمال الكراتوم") == ["contraindicated", "use"]
    assert poles("ar", "لا تستخدم هذا") == ["avoid"]


def test_neutral_phrases_stand_for_nothing():
    assert poles("es", "Los adultos mayores toman menos.") == ["use", "less"]
    assert poles("fr", "En plus, il faut boire.") == ["use"]


def test_django_false_positives_stay_fixed():
    # Django's Arabic admin: "المصادقة المعتمدة على كلمة المرور" is "authentication based on the password",
    # not "approved" (the only findings the checks raised on Django's 1,226 catalogs, all three false)
    assert run("ar", "Enable password-based authentication", "تفعيل المصادقة المعتمدة على كلمة المرور") == []
    assert run("ar", "Kratom is sold online.", "يباع الكراتوم المعتمد من الهيئة عبر الإنترنت.") != []
    # a negated comparison is a bound: "no sea inferior a" is "not less than" (Django's range validators)
    assert run("es", "Ensure that the lower bound of the range is not less than %(v)s.",
               "Asegúrese de que el límite inferior del rango no sea inferior a %(v)s.") == []
    assert run("pt", "The start of the range must not exceed the end of the range.",
               "O início da gama não pode ser maior que o seu fim.") == []
    assert run("fr", "Ensure that the lower bound of the range is not less than %(v)s.",
               "S'assure que la limite inférieure de l'intervalle n'est pas plus petite que %(v)s.") == []
    assert run("ar", "Ensure that the upper bound of the range is not greater than %(v)s.",
               "تأكد من أن الحد الأعلى لهذا المجال أقل من أو يساوي %(v)s.") == []
    assert [f.code for f in run("es", "Ensure this value is less than or equal to %(v)s.",
                                "Asegúrese de que este valor sea mayor o igual a %(v)s.")] == ["L10N321"]


# -- the defects ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("locale,src,tgt,code", [
    ("es", "Avoid alcohol while taking this medicine.", "Tome alcohol mientras use este medicamento.", "L10N321"),
    ("es", "Wait at least 6 hours.", "Espere como máximo 6 horas.", "L10N321"),
    ("es", "Use a lower dose.", "Use una dosis más alta.", "L10N324"),
    ("pt_BR", "Take it after meals.", "Tome antes das refeições.", "L10N324"),
    ("fr", "It is contraindicated in pregnancy.", "Il est recommandé pendant la grossesse.", "L10N321"),
    ("de", "Take it without food.", "Mit Essen einnehmen.", "L10N324"),
    ("ca", "Kratom can decrease appetite.", "El kratom pot augmentar la gana.", "L10N321"),
    ("ar", "Avoid alcohol.", "استخدم الكحول.", "L10N321"),
    ("es", "Kratom is sold online.", "El kratom, aprobado por la FDA, se vende en línea.", "L10N322"),
    ("fr", "Kratom is not proven to work.", "L'efficacité du kratom est prouvée.", "L10N322"),
    ("de", "Ask your doctor.", "Fragen Sie Ihren Arzt: keine Nebenwirkungen.", "L10N322"),
    ("es", "This product is approved by the FDA.", "Este producto no está aprobado por la FDA.", "L10N323"),
])
def test_defects_are_reported(locale, src, tgt, code):
    found = run(locale, src, tgt)
    assert code in {f.code for f in found}, [f.message for f in found]
    assert all(f.severity.name == ("INFO" if f.code == "L10N324" else "ERROR") for f in found)


def test_precision_rules_from_real_catalogs():
    # found on Debian's own catalogs (coreutils, git, gas, libc...): each a false error before
    assert run("pt_BR", "With no arguments, exchanges the top two directories.",
               "Com nenhum argumento, efetua troca.") == []                      # "with no" is without
    assert run("fr", "%s may be used only on a SELinux kernel",
               "%s ne peut être utilisé que sur un noyau SELinux") == []          # a pole lost to "ne … que"
    assert run("fr", "cannot use gawk builtin as variable name",
               "impossible d'utiliser le mot clef gawk comme variable") == []    # negation by "impossible"
    assert run("de", "rcmd: socket: All ports in use", "rcmd: Socket: Alle Ports sind belegt") == []
    assert run("ar", "but it is not installed", "إلا أنها غير مثبتة") == []       # مثبت: installed
    assert run("fr", "error: stub is allocated in unsafe location",
               "erreur: l'ébauche est allouée à un emplacement peu sûr") == []
    assert run("de", "To avoid ambiguity, usernames of digits are not allowed.",
               "Um Verwechslungen auszuschließen, sind Benutzernamen aus Ziffern nicht erlaubt.") == []
    assert run("fr", "The OCSP response is trusted.", "La réponse OCSP est approuvée.") == []
    assert run("pt_BR", "use the arrow keys to raise/lower the value", "use as setas para subir/baixar o valor") == []
    assert run("it", "calls are disabled due to unsafe options file permissions",
               "le chiamate sono disattivate a causa dei permessi non\nsicuri del file") == []  # wrapped line
    assert run("it", "Raise window if covered, otherwise lower it",
               "Solleva la finestra se è coperta, in caso contrario la abbassa") == []
    # and the true ones stay: real reversals found there
    assert [f.code for f in run("es", "flags values must have at most 1 bit set",
                                "los valores de las opciones deben tener al menos 1 bit establecido")] == ["L10N321"]
    assert [f.code for f in run("de", "use at most one of --reachable or --stdin-packs",
                                "benutzen Sie mindestens eine der Optionen --reachable oder --stdin-packs")] == [
        "L10N321"]


def test_message_names_both_poles():
    (f,) = run("es", "Kratom is contraindicated in pregnancy.", "El kratom está indicado en el embarazo.")
    assert f.code == "L10N321"
    assert "contraindicated ('contraindicated')" in f.message and "indicated ('indicado')" in f.message


def test_paraphrase_without_either_pole_is_not_reported():
    assert run("es", "Take the tablets with food.", "Tome los comprimidos durante las comidas.") == []
    assert run("fr", "Avoid driving after a dose.", "Ne conduisez pas après une dose.") == []


def test_skipped_where_it_cannot_decide():
    # a language without a data file, the source copied, plural entries, an untranslated entry
    assert run("nl", "Avoid alcohol.", "Gebruik alcohol.") == []
    assert run("es", "Avoid alcohol.", "Avoid alcohol.") == []
    po = polib.POFile()
    po.append(polib.POEntry(msgid="Avoid %d dose", msgid_plural="Avoid %d doses",
                            msgstr_plural={0: "Tome %d dosis", 1: "Tome %d dosis"}))
    assert [f for f in check_catalog(po, locale="es", glossary=None, select=set(CODES))] == []


# -- data files -------------------------------------------------------------------------------------------

def test_pt_br_falls_back_to_pt():
    assert P.lexicon("pt_BR").lang == "pt"
    assert P.lexicon("pt-BR").lang == "pt"
    assert P.lexicon("zh_CN") is None


def test_every_shipped_file_loads_and_renders_every_concept():
    concepts = P.source_concepts()
    needed = {p for ax in concepts.axes for p in ax} | set(concepts.claims)
    for lang in P.available_languages():
        lex = P.lexicon(lang)
        assert needed <= lex.pole_names, (lang, needed - lex.pole_names)


@pytest.fixture
def lang_dir(tmp_path, monkeypatch):
    d = tmp_path / "lang"
    d.mkdir()
    shutil.copy(P.LANG_DIR / "en.yaml", d / "en.yaml")
    monkeypatch.setattr(P, "LANG_DIR", d)
    return d


ITALIAN = """\
language: it
negation: {words: ["non", "mai"], window: 3}
poles:
  avoid: ["evit*"]
  use: ["usa", "usare", "prendi", "prendere"]
  approved: ["approvato", "approvata"]
"""


def test_adding_a_language_is_adding_a_data_file(lang_dir):
    assert run("it", "Avoid alcohol.", "Usa l'alcol.") == []  # no data: not checked
    assert coverage("it").verified is False
    (lang_dir / "it.yaml").write_text(ITALIAN, encoding="utf-8")
    assert [f.code for f in run("it", "Avoid alcohol.", "Usa l'alcol.")] == ["L10N321"]
    assert run("it", "Do not use alcohol.", "Evita l'alcol.") == []
    assert [f.code for f in run("it", "Kratom is sold.", "Il kratom approvato è venduto.")] == ["L10N322"]
    cov = coverage("it")
    assert "polarity" in cov.not_checked and not cov.verified  # only some axes rendered: declared not checked


@pytest.mark.parametrize("text,needle", [
    ('language: xx\nnegation: {words: [no]}\npoles: {avoid: ["a"]}\n', "quoted strings"),
    ('language: xx\npoles: {sideways: ["a"]}\n', "unknown pole"),
    ('language: xx\npoles:\n  avoid: ["a"\n  use: [b]\n', "not valid YAML"),
    ('- just a list\n', "must be a mapping"),
    ('language: xx\nnegation: {window: 0}\npoles: {avoid: ["a"]}\n', "window"),
])
def test_broken_data_file_is_a_config_error(lang_dir, text, needle):
    (lang_dir / "xx.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        P.lexicon("xx")
    assert needle in str(info.value) and "xx.yaml" in str(info.value)


def test_broken_data_file_exits_2_with_one_line(lang_dir, tmp_path, cli):
    (lang_dir / "es.yaml").write_text('language: es\npoles:\n  avoid: ["evit*"\n  use: [b]\n', encoding="utf-8")
    po = tmp_path / "a.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                  'msgid "Avoid alcohol."\nmsgstr "Tome alcohol."\n', encoding="utf-8")
    res = cli(tmp_path, "check", "-j", "1", "--no-cache", str(po))
    assert res.exit_code == 2
    assert "es.yaml:" in res.stderr and "Traceback" not in res.output
    assert len(res.stderr.strip().splitlines()) == 1


def test_warm_cache_key_covers_the_language_data(monkeypatch, tmp_path):
    # an edited lexicon must not be answered from the cache of findings computed with the old one
    import l10n
    from l10n.checks import cache

    pkg = tmp_path / "l10n"
    real = Path(l10n.__file__).resolve().parent
    for folder in ("checks", "glossary"):
        shutil.copytree(real / folder, pkg / folder)
    (pkg / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(l10n, "__file__", str(pkg / "__init__.py"))
    cache.code_hash.cache_clear()
    try:
        before = cache.code_hash()
        with (pkg / "checks" / "lang" / "es.yaml").open("a", encoding="utf-8") as f:
            f.write("\n# edited\n")
        cache.code_hash.cache_clear()
        assert cache.code_hash() != before
    finally:
        cache.code_hash.cache_clear()


# -- gating -----------------------------------------------------------------------------------------------

def test_gated_on_the_trigger_pass():
    from l10n.checks import get_check
    from l10n.checks.context import CatalogContext
    from l10n.checks.triggers import catalog_triggers

    assert get_check("L10N321").func.when == ("polarity-src",)
    assert get_check("L10N322").func.when == ("claim-tgt",)
    ctx = CatalogContext(locale="es")
    srcs = ["Avoid alcohol.", "Save the file.", "Use less.", "Print", "Take it with food."]
    tgts = ["Tome alcohol.", "Guardar el archivo aprobado.", "Use menos.", "Imprimir", "Tómelo con comida."]
    hits = catalog_triggers(srcs, tgts, ctx, {"polarity-src", "claim-tgt"})
    assert hits["polarity-src"] == {0, 2, 4}
    assert hits["claim-tgt"] == {1}


def test_arabic_claim_with_harakat_is_triggered():
    # the trigger pass reads the text as written; the lexicon ignores harakat: the trigger must too
    found = run("ar", "Kratom is sold online.", "يباع الكراتوم المُعْتَمَد مِن الهيئة عبر الإنترنت.")
    assert [f.code for f in found] == ["L10N322"]


def test_trigger_finds_every_entry_the_check_reads():
    """The trigger regex is a superset: an entry whose source has a pole always has the feature."""
    from l10n.checks.context import CatalogContext
    from l10n.checks.triggers import catalog_triggers
    from tests.support.polarity_cases import load

    cases = load("A")
    for locale in ("es", "pt_BR", "fr", "de", "ca", "ar"):
        mine = [c for c in cases if c["locale"] == locale]
        ctx = CatalogContext(locale=locale)
        hits = catalog_triggers([c["src"] for c in mine], [c["tgt"] for c in mine], ctx,
                                {"polarity-src", "claim-tgt"})
        src_lex, tgt_lex = P.lexicon("en"), P.lexicon(locale)
        for i, c in enumerate(mine):
            if P.analyse(src_lex, c["src"]):
                assert i in hits["polarity-src"], c["id"]
            if any(r.pole in P.source_concepts().claims for r in P.analyse(tgt_lex, c["tgt"])):
                assert i in hits["claim-tgt"], c["id"]


# -- coverage ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("locale", ["es", "ca", "fr", "pt_BR", "de", "ar", "it"])
def test_full_coverage_for_the_published_languages(locale):
    cov = coverage(locale)
    assert cov.verified and meaning_verified(locale)
    assert {"numbers", "negation", "hedges", "polarity", "claims"} <= set(cov.active)


def test_unverified_locale_says_what_is_not_checked():
    cov = coverage("zh_CN")
    assert not cov.verified and not meaning_verified("zh_CN")
    assert {"negation", "hedges", "polarity", "claims"} <= set(cov.not_checked)
    assert "numbers" in cov.active
    text = format_coverage([cov])
    assert "zh_CN: meaning unverified" in text and "not checked" in text


def test_disabled_check_is_not_active():
    cov = coverage("es", disabled={"L10N321"})
    assert "polarity" in cov.not_checked and not cov.verified
    assert "polarity" in coverage("es", selected={"L10N311"}).not_checked


def test_cli_coverage(cli, tmp_path):
    res = cli(tmp_path, "check", "--coverage", "-l", "es", "-l", "nl")
    assert res.exit_code == 0, res.output
    assert "es: meaning verified" in res.stdout and "nl: meaning unverified" in res.stdout
    assert "polarity" in res.stdout
    po = tmp_path / "x.po"
    po.write_text('msgid ""\nmsgstr ""\n"Language: pt_BR\\n"\n', encoding="utf-8")
    res = cli(tmp_path, "check", "--coverage", str(po))
    assert res.exit_code == 0 and "pt_BR: meaning verified" in res.stdout
