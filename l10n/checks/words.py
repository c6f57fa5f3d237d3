"""Built-in per-language word lists: negations, hedges, inflated claims, units.

The glossary's ``rules`` (``LocaleRules(negations, hedges, inflated)``) extend
these lists per locale; these defaults make the checks useful on any catalog.
Phrases are matched case-insensitively on word boundaries, longest first, and
each occurrence is counted once.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["HEDGES", "INFLATED", "NEGATIONS", "INFLATED_IDIOMS", "NEGATION_IDIOMS", "NEGATION_PAIRS", "UNITS"]

NEGATIONS: dict[str, tuple[str, ...]] = {
    "en": ("not", "never", "no", "none", "nor", "cannot", "can't", "don't", "doesn't", "didn't", "won't",
           "isn't", "aren't", "wasn't", "weren't", "shouldn't", "mustn't", "without", "neither", "nothing",
           "no one", "nobody"),
    "es": ("no", "nunca", "jamás", "ni", "ningún", "ninguna", "ninguno", "nada", "nadie", "sin", "tampoco"),
    "ca": ("no", "mai", "ni", "cap", "gens", "res", "ningú", "sense", "tampoc"),
    # French negates with "ne"/"n'"; "personne" (a person) and "rien" ("un rien") are words of their own without it
    "fr": ("ne", "n'", "pas", "jamais", "aucun", "aucune", "sans", "ni", "non"),
    "pt": ("não", "nunca", "jamais", "nem", "nenhum", "nenhuma", "nada", "ninguém", "sem"),
    "it": ("non", "mai", "né", "nessun", "nessuno", "nessuna", "niente", "nulla", "senza"),
    "de": ("nicht", "nie", "niemals", "kein", "keine", "keinen", "keinem", "keiner", "nichts", "ohne", "weder"),
    "ar": ("لا", "لم", "لن", "ليس", "ليست", "غير", "بدون", "أبدا", "أبدًا", "دون", "ما"),
}

#: Phrases built on a negation word that say something positive ("don't hesitate to call" = "call"; "n'oubliez
#: pas de" = "remember to"): matched as whole phrases, they do not count as negations, on either side. So "Do not
#: mix" translated "No dude en mezclar" (do not hesitate to mix) has lost its negation. Only phrases whose literal
#: reading is never a prohibition are listed ("no deje de" is also "do not stop": not listed). A final "…": the
#: phrase stands only before another word ("no solo …" is "not only", "No solo." is "not alone").
NEGATION_IDIOMS: dict[str, tuple[str, ...]] = {
    "en": ("don't hesitate", "do not hesitate", "don't forget", "do not forget", "never forget", "not only …",
           "no doubt", "without doubt", "without a doubt", "without fail", "don't be afraid", "do not be afraid",
           "don't delay", "do not delay", "no matter"),
    "es": ("no dude en", "no dudes en", "no duden en", "no dude usted en", "no dudar en", "no vacile en",
           "no vacilen en", "no olvide", "no olvides", "no olviden", "no olvidar", "nunca olvide", "no se olvide",
           "no te olvides", "no se olviden", "no se le olvide", "no tarde en", "no tarden en", "no tenga miedo de",
           "no tengan miedo de", "no solo …", "no sólo …", "sin duda", "sin falta", "sin embargo", "no obstante",
           "nada le impide", "nada te impide", "nada impide", "nada les impide"),
    "ca": ("no dubteu a", "no dubtis a", "no dubteu en", "no dubtis en", "no dubteu de", "no oblideu",
           "no oblidis", "no oblidar", "no us oblideu", "no t'oblidis", "no tingueu por de", "no només …",
           "sense dubte", "sense falta", "no obstant", "sense cap dubte",
           "res no us impedeix", "res no t'impedeix", "res no impedeix"),
    "fr": ("n'hésitez pas", "n'hésite pas", "n'hésitez surtout pas", "n'oubliez pas", "n'oublie pas",
           "n'oubliez jamais", "ne manquez pas de", "ne manquez pas d'", "ne tardez pas",
           "n'ayez pas peur", "il ne faut pas hésiter", "non seulement …", "sans doute", "sans faute", "n'importe",
           "ne pas hésiter", "ne pas oublier", "rien ne vous empêche", "rien ne t'empêche", "rien n'empêche"),
    "pt": ("não hesite em", "não hesitem em", "não hesite a", "não hesitem a", "não se esqueça", "não esqueça",
           "não esqueçam", "não se esqueçam", "não esquecer", "nunca se esqueça", "não tenha medo de",
           "não demore a", "não só …", "não apenas …", "sem dúvida", "sem falta", "nada impede", "nada o impede",
           "nada te impede", "nada a impede"),
}

#: Phrases holding a claim word that claim nothing: "bien sûr" is "of course", "toujours à l'étude" is "still
#: being studied", "siempre que" is "provided that". Not counted as inflated claims on either side.
INFLATED_IDIOMS: dict[str, tuple[str, ...]] = {
    "fr": ("bien sûr", "toujours à l'étude", "toujours en cours", "toujours en cours d'étude", "pas toujours",
           "pas sûr", "pas sûre", "pas forcément"),
    "es": ("siempre que", "no siempre", "no es seguro", "no es segura", "no son seguros", "no son seguras"),
    "ca": ("sempre que", "no sempre", "no és segur", "no és segura"),
    "pt": ("sempre que", "nem sempre", "não é seguro", "não é segura"),
    "en": ("not always", "not safe", "not necessarily"),
}


@dataclass(frozen=True)
class NegationPairs:
    """Words that make one negation together, within one clause: French "ne … pas" is one negation.

    A closer after an opener is not counted again; an ender ("ne … plus", "ne … rien") ends the pair
    without being counted; "ne … que" (only) is no negation, nor an expletive "ne" after a lead
    ("avant que l'effet ne disparaisse").
    """

    openers: frozenset[str]
    closers: frozenset[str]
    enders: frozenset[str]
    leads: frozenset[str]


#: So "Ne mélangez pas … et conduisez" for "Do not mix … and do not drive" has one negation, not two.
NEGATION_PAIRS: dict[str, NegationPairs] = {
    "fr": NegationPairs(openers=frozenset({"ne", "n'"}), closers=frozenset({"pas", "jamais", "aucun", "aucune"}),
                        enders=frozenset({"plus", "rien", "personne", "guère", "nullement", "point", "ni"}),
                        leads=frozenset({"avant", "moins", "peur", "crainte"})),
}

HEDGES: dict[str, tuple[str, ...]] = {
    "en": ("may", "might", "could", "possibly", "perhaps", "probably", "likely", "unlikely", "suggests", "suggest",
           "suggested", "potential", "potentially", "appears", "seems", "unclear", "uncertain",
           "further study is needed", "further studies are needed", "more research is needed",
           "further research is needed", "further study", "further studies", "further research",
           "not enough evidence", "limited evidence", "is needed", "are needed"),
    "es": ("puede", "pueden", "podría", "podrían", "pueda", "puedan", "posible", "posibles", "posiblemente", "quizá", "quizás",
           "tal vez", "probablemente", "sugiere", "sugieren", "potencial", "potenciales", "potencialmente", "parece", "parecen",
           "incierto", "no está claro", "se necesitan más estudios", "se necesita más investigación",
           "más estudios", "más investigación", "se necesitan", "se necesita", "es necesario", "son necesarios",
           "evidencia limitada", "no hay suficiente evidencia", "no hay pruebas suficientes",
           # "still being studied" (Apertium: "todavía están siendo estudiados"; translators: "se están estudiando")
           "están siendo estudiados", "están siendo estudiadas", "está siendo estudiado", "está siendo estudiada",
           "se están estudiando", "se está estudiando", "se siguen estudiando", "en estudio",
           # "further studies are needed" as translators put it
           "más investigaciones", "son necesarias", "hacen falta", "hace falta", "se requieren", "se requiere"),
    "ca": ("pot", "poden", "podria", "podrien", "possible", "possibles", "possiblement", "potser", "probablement", "suggereix",
           "suggereixen", "potencial", "potencials", "potencialment", "sembla", "calen més estudis", "cal més recerca", "més estudis",
           "més recerca", "cal", "calen", "és necessari",
           # "still being studied" (Apertium: "encara estan sent estudiats"; translators: "s'estan estudiant")
           "estan sent estudiats", "estan sent estudiades", "està sent estudiat", "està sent estudiada",
           "s'estan estudiant", "s'està estudiant", "es continuen estudiant", "en estudi",
           # "further studies are needed" as translators put it
           "més investigacions", "són necessaris", "són necessàries", "fan falta", "fa falta", "es necessiten"),
    "fr": ("peut", "peuvent", "pourrait", "pourraient", "possible", "possibles", "possiblement", "peut-être", "probablement",
           "suggère", "suggèrent", "potentiel", "potentielle", "potentiels", "potentielles", "potentiellement", "semble", "semblent",
           "d'autres études sont nécessaires", "plus d'études", "plus de recherches", "nécessaire", "nécessaires"),
    "pt": ("pode", "podem", "poderia", "poderiam", "possível", "possíveis", "possivelmente", "talvez", "provavelmente",
           "sugere", "sugerem", "potencial", "potenciais", "potencialmente", "parece", "parecem", "mais estudos", "mais pesquisas", "necessário",
           "necessários", "são necessários"),
    "it": ("può", "possono", "potrebbe", "potrebbero", "possibile", "forse", "probabilmente", "suggerisce",
           "potenziale", "sembra", "ulteriori studi", "necessario", "necessari"),
    "de": ("kann", "können", "könnte", "könnten", "möglicherweise", "vielleicht", "wahrscheinlich", "deutet",
           "potenziell", "scheint", "weitere studien", "weitere forschung", "erforderlich", "nötig"),
    "ar": ("قد", "ربما", "يمكن", "يحتمل", "محتمل", "يبدو", "مزيد من الدراسات", "مزيد من البحث", "يُحتمل"),
}

INFLATED: dict[str, tuple[str, ...]] = {
    "en": ("proven", "proves", "proved", "cure", "cures", "cured", "safe", "safely", "guaranteed", "guarantees",
           "always", "completely", "100% effective", "miracle", "definitely", "certainly", "clinically proven",
           "inevitably", "necessarily", "invariably"),
    "es": ("probado", "probada", "probados", "probadas", "demostrado", "demostrada", "demostrados", "demostradas",
           "comprobado", "comprobada", "cura", "curan", "curar", "seguro", "segura", "seguros", "seguras",
           "garantiza", "garantizado", "garantizada", "siempre", "milagro", "milagroso", "milagrosa",
           "definitivamente", "sin duda", "sin riesgo", "sin riesgos", "totalmente", "inevitablemente",
           "necesariamente", "forzosamente", "invariablemente"),
    "ca": ("provat", "provada", "demostrat", "demostrada", "comprovat", "cura", "curen", "segur", "segura",
           "garanteix", "garantit", "sempre", "miracle", "miraculós", "sens dubte", "sense risc", "inevitablement",
           "necessàriament", "forçosament"),
    "fr": ("prouvé", "prouvée", "démontré", "démontrée", "guérit", "guérissent", "guérison", "sûr", "sûre",
           "sans danger", "garanti", "garantie", "toujours", "miracle", "miraculeux", "certainement", "forcément",
           "inévitablement", "nécessairement", "immanquablement", "systématiquement"),
    "pt": ("comprovado", "comprovada", "provado", "provada", "demonstrado", "cura", "curam", "seguro", "segura",
           "garantido", "garantida", "sempre", "milagre", "milagroso", "sem risco", "sem dúvida", "inevitavelmente",
           "necessariamente", "forçosamente"),
    "it": ("provato", "dimostrato", "cura", "guarisce", "sicuro", "sicura", "garantito", "sempre", "miracolo"),
    "de": ("bewiesen", "nachgewiesen", "heilt", "sicher", "garantiert", "immer", "wunder"),
    "ar": ("مثبت", "مُثبت", "يشفي", "علاج نهائي", "آمن", "آمنة", "مضمون", "دائما", "دائمًا", "معجزة"),
}

#: Unit spellings (any language) -> canonical unit. Time units are per language words.
UNITS: dict[str, str] = {
    "mg": "mg", "milligram": "mg", "milligrams": "mg", "miligramo": "mg", "miligramos": "mg", "mil·ligram": "mg",
    "mil·ligrams": "mg", "milligramme": "mg", "milligrammes": "mg", "miligrama": "mg", "miligramas": "mg",
    "g": "g", "gram": "g", "grams": "g", "gramo": "g", "gramos": "g", "gramme": "g", "grammes": "g", "grama": "g",
    "gramas": "g",
    "kg": "kg", "µg": "µg", "μg": "µg", "mcg": "µg", "ug": "µg",
    "ml": "ml", "mL": "ml", "millilitre": "ml", "milliliter": "ml", "milliliters": "ml", "millilitres": "ml",
    "mililitro": "ml", "mililitros": "ml", "l": "l", "L": "l", "dl": "dl", "cl": "cl",
    "%": "%", "percent": "%", "por ciento": "%", "per cent": "%", "pour cent": "%", "por cento": "%",
    "IU": "IU", "UI": "IU", "iu": "IU",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h", "hora": "h", "horas": "h", "hores": "h",
    "heure": "h", "heures": "h", "ore": "h", "stunden": "h", "stunde": "h", "ساعة": "h", "ساعات": "h",
    "min": "min", "minute": "min", "minutes": "min", "minuto": "min", "minutos": "min", "minut": "min",
    "minuts": "min", "minuti": "min", "minuten": "min", "دقيقة": "min", "دقائق": "min",
    "s": "s", "sec": "s", "secs": "s", "seg": "s", "segs": "s", "second": "s", "seconds": "s", "segundo": "s",
    "segundos": "s", "seconde": "s", "secondes": "s", "segon": "s", "segons": "s",
    "ms": "ms", "msec": "ms", "mseg": "ms", "millisecond": "ms", "milliseconds": "ms", "milisegundo": "ms",
    "milisegundos": "ms", "µs": "µs", "μs": "µs",
    "day": "day", "days": "day", "día": "day", "días": "day", "dia": "day", "dias": "day", "dies": "day",
    "jour": "day", "jours": "day", "giorni": "day", "tage": "day", "يوم": "day", "أيام": "day",
    "week": "week", "weeks": "week", "semana": "week", "semanas": "week", "setmana": "week", "setmanes": "week",
    "semaine": "week", "semaines": "week", "settimane": "week", "wochen": "week", "أسابيع": "week",
    "month": "month", "months": "month", "mes": "month", "meses": "month", "mesos": "month", "mois": "month",
    "mesi": "month", "monate": "month", "أشهر": "month",
    "year": "year", "years": "year", "año": "year", "años": "year", "anys": "year",
    "ans": "year", "ano": "year", "anos": "year", "anni": "year", "jahre": "year", "سنوات": "year",
    "mmol": "mmol", "mmol/l": "mmol/l", "mg/dl": "mg/dl", "mg/kg": "mg/kg", "kcal": "kcal", "cm": "cm", "mm": "mm",
    "km": "km",
    "por cien": "%",
    "litre": "l", "litres": "l", "liter": "l", "liters": "l", "litro": "l", "litros": "l",
    "microgram": "µg", "micrograms": "µg", "microgramo": "µg", "microgramos": "µg", "microgramme": "µg",
    "microgrammes": "µg", "micrograma": "µg", "microgramas": "µg",
    # counted doses: how many tablets, capsules, drops, spoons or doses (one canonical unit: "doses")
    "tablet": "doses", "tablets": "doses", "comprimido": "doses", "comprimidos": "doses", "pastilla": "doses",
    "pastillas": "doses", "comprimé": "doses", "comprimés": "doses", "comprimit": "doses", "comprimits": "doses",
    "pill": "doses", "pills": "doses", "pílula": "doses", "pílulas": "doses", "píldora": "doses",
    "píldoras": "doses",
    "capsule": "doses", "capsules": "doses", "cápsula": "doses", "cápsulas": "doses", "gélule": "doses",
    "gélules": "doses", "càpsula": "doses", "càpsules": "doses",
    "drop": "doses", "drops": "doses", "gota": "doses", "gotas": "doses", "goutte": "doses", "gouttes": "doses",
    "gotes": "doses",
    "dose": "doses", "doses": "doses", "dosis": "doses", "dosi": "doses",
    "tableta": "doses", "tabletas": "doses", "pastilha": "doses", "pastilhas": "doses", "cachet": "doses",
    "cachets": "doses", "sachet": "doses", "sachets": "doses", "prise": "doses", "prises": "doses",
    "cucharada": "doses", "cucharadas": "doses", "cucharadita": "doses", "cucharaditas": "doses",
    "cuillère": "doses", "cuillères": "doses", "colher": "doses", "colheres": "doses", "cullerada": "doses",
    "cullerades": "doses", "teaspoon": "doses", "teaspoons": "doses", "tablespoon": "doses",
    "tablespoons": "doses", "spoon": "doses", "spoons": "doses", "spoonful": "doses", "spoonfuls": "doses",
    "cuillerée": "doses", "cuillerées": "doses", "cullereta": "doses", "culleretes": "doses",
    # how often: a unit of its own, so "2 tablets 3 times a day" -> "3 comprimidos 2 veces" is a changed unit
    "time": "times", "times": "times", "vez": "times", "veces": "times", "fois": "times", "vezes": "times",
    "vegada": "times", "vegades": "times", "cop": "times", "cops": "times",
}

#: Units of a dose: a number written in words with one of these (or a symbol unit) is reported when it pairs
#: with nothing ("tres comprimidos" added, "two tablets" became "cuatro comprimidos"); other units (hours,
#: weeks) have idioms ("quince días" for "two weeks", "cada dos días" for "every other day") and are not.
DOSE_UNITS_EXTRA = frozenset({"doses", "times"})

#: Units whose loss is always reported (symbols never translated).
SYMBOL_UNITS = frozenset({"mg", "g", "kg", "µg", "ml", "l", "dl", "cl", "%", "IU", "mmol", "mmol/l", "mg/dl",
                          "mg/kg", "kcal", "cm", "mm", "km"})


# ---------------------------------------------------------------------------------------------------------
# Per-language data files (l10n/checks/data/<lang>.json, see the README there): merged into the lists above.
# Adding a language is adding a file, never editing a check.

#: phrases holding a hedge word that hedge nothing ("could not be found" is a failure, not a possibility)
HEDGE_IDIOMS: dict[str, tuple[str, ...]] = {}
#: claim word of a language -> the English source words it also translates ("seguro": "sure", "secure")
CLAIM_SENSES: dict[str, dict[str, frozenset[str]]] = {}
#: source language -> words that are program literals when capitalised mid-sentence or alone ("None")
LITERALS: dict[str, frozenset[str]] = {}
#: source language -> word -> the numbers it names ("midnight": 0, 12, 24)
NUMBER_NAMES: dict[str, dict[str, frozenset[int]]] = {}
#: source language -> words that say "one" without a digit ("a day", "per dose")
ONE_WORDS: dict[str, frozenset[str]] = {}
#: language -> prefixes written attached to the next word (Arabic "و" and, "ف" so, "ب" with): "وقد" is "and may",
#: "و7" is "and 7"; a word of a list found behind one counts as that word
PROCLITICS: dict[str, tuple[str, ...]] = {}
#: source language -> forms that are never words on their own (English ordinal suffixes: "th" is a msgid
#: of its own in date and number formats); a language without them leaves them blank
BOUND_FORMS: dict[str, frozenset[str]] = {}
#: languages whose data file gives unit words (a word after a number unknown to them is not a unit)
UNIT_LANGS: set[str] = {"en", "es", "ca", "fr", "pt", "it"}


def _load_data() -> None:
    import json
    from pathlib import Path

    def add(table: dict[str, tuple[str, ...]], lang: str, items: list[str]) -> None:
        if items:
            table[lang] = tuple(dict.fromkeys(table.get(lang, ()) + tuple(items)))

    for path in sorted((Path(__file__).parent / "data").glob("*.json")):
        lang = path.stem
        if "-" in lang:  # not a language: unicode-scripts.json (see l10n.checks.scripts)
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        add(NEGATIONS, lang, data.get("negations", []))
        add(NEGATION_IDIOMS, lang, data.get("negation_idioms", []))
        add(HEDGES, lang, data.get("hedges", []))
        add(HEDGE_IDIOMS, lang, data.get("hedge_idioms", []))
        add(INFLATED, lang, data.get("inflated", []))
        add(INFLATED_IDIOMS, lang, data.get("inflated_idioms", []))
        if data.get("claim_senses"):
            CLAIM_SENSES[lang] = {k.lower(): frozenset(w.lower() for w in v) for k, v in data["claim_senses"].items()}
        if data.get("literals"):
            LITERALS[lang] = frozenset(data["literals"])
        if data.get("number_names"):
            NUMBER_NAMES[lang] = {k.lower(): frozenset(v) for k, v in data["number_names"].items()}
        if data.get("bound_forms"):
            BOUND_FORMS[lang] = frozenset(data["bound_forms"])
        if data.get("proclitics"):
            PROCLITICS[lang] = tuple(sorted(data["proclitics"], key=len, reverse=True))
        if data.get("one_words"):
            ONE_WORDS[lang] = frozenset(w.lower() for w in data["one_words"])
        for word, unit in data.get("units", {}).items():
            UNITS.setdefault(word, unit)
        if data.get("units"):
            UNIT_LANGS.add(lang)


_load_data()
