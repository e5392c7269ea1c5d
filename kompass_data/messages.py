"""Swedish and English texts: one catalogue for the CLI, errors and the UI."""

from __future__ import annotations

LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"

# Each entry: key -> {"sv": ..., "en": ...}; parameters use str.format names.
CATALOGUE: dict[str, dict[str, str]] = {
    # --- data layer: errors ---------------------------------------------------
    "error.version_mismatch": {
        "sv": (
            "Poängen går inte att jämföra: {left} är bedömd med version {left_version} och "
            "{right} med version {right_version} av Kommunkompassen. Instrumentet reviderades "
            "mellan versionerna, så poäng är jämförbara bara inom en version."
        ),
        "en": (
            "These scores cannot be compared: {left} was scored with Kommunkompassen version "
            "{left_version} and {right} with version {right_version}. The instrument was revised "
            "between the versions, so scores are comparable only within one version."
        ),
    },
    "error.unknown_municipality": {
        "sv": "Okänd kommun: \"{text}\". Ange ett kommunnamn (t.ex. Norsjö) eller en fyrsiffrig kommunkod (t.ex. 2417).",
        "en": "Unknown municipality: \"{text}\". Give a municipality name (e.g. Norsjö) or a 4-digit code (e.g. 2417).",
    },
    "error.ambiguous_municipality": {
        "sv": "\"{text}\" kan vara flera kommuner: {candidates}. Ange kommunkoden.",
        "en": "\"{text}\" matches several municipalities: {candidates}. Give the municipality code.",
    },
    "error.score_set_not_found": {
        "sv": "Det finns ingen poänguppsättning för {kommun} år {year}{detail}. Tillgängliga år: {available}.",
        "en": "There is no score set for {kommun} in {year}{detail}. Available years: {available}.",
    },
    "error.score_set_ambiguous": {
        "sv": "{kommun} har flera poänguppsättningar år {year}: {options}. Ange version eller typ av utvärdering.",
        "en": "{kommun} has several score sets in {year}: {options}. Give the version or the kind of evaluation.",
    },
    "error.unknown_lan": {
        "sv": "Okänt län: \"{text}\". Ange länskod (t.ex. 24) eller namn (t.ex. Västerbottens län).",
        "en": "Unknown county: \"{text}\". Give the county code (e.g. 24) or name (e.g. Västerbottens län).",
    },
    "error.bad_score_ref": {
        "sv": "\"{text}\" ska skrivas KOMMUN:ÅR, till exempel Norsjö:2018 eller 2417:2018.",
        "en": "\"{text}\" should be written KOMMUN:YEAR, for example Norsjö:2018 or 2417:2018.",
    },
    "error.invalid_data": {
        "sv": "{file}: {count} fel. Inget har skrivits.",
        "en": "{file}: {count} error(s). Nothing was written.",
    },
    "error.file_not_found": {
        "sv": "Filen {file} finns inte.",
        "en": "The file {file} does not exist.",
    },
    "error.unreadable_file": {
        "sv": "{file} kan inte läsas som en tabell ({reason}). Spara den som CSV (UTF-8, komma eller semikolon) eller XLSX.",
        "en": "{file} cannot be read as a table ({reason}). Save it as CSV (UTF-8, comma or semicolon) or XLSX.",
    },
    "error.data_dir": {
        "sv": "Datakatalogen {path} saknar {missing}.",
        "en": "The data directory {path} lacks {missing}.",
    },
    "error.exists": {
        "sv": "Poänguppsättningen {score_set} finns redan. Använd --replace för att ersätta den.",
        "en": "The score set {score_set} already exists. Use --replace to replace it.",
    },
    # --- data layer: validation problems (row, column, problem, fix) -----------
    "problem.missing_column": {
        "sv": "Kolumnen saknas. Lägg till en kolumn med rubriken \"{column}\".",
        "en": "The column is missing. Add a column headed \"{column}\".",
    },
    "problem.empty": {
        "sv": "Värde saknas. Fyll i {column}.",
        "en": "Value missing. Fill in {column}.",
    },
    "problem.bad_kommunkod": {
        "sv": "\"{value}\" är ingen kommunkod. Använd SCB:s fyrsiffriga kod, t.ex. 2417 för Norsjö.",
        "en": "\"{value}\" is not a municipality code. Use SCB's 4-digit code, e.g. 2417 for Norsjö.",
    },
    "problem.name_mismatch": {
        "sv": "Kommunkod {code} är {expected}, inte \"{value}\". Rätta koden eller namnet.",
        "en": "Code {code} is {expected}, not \"{value}\". Correct the code or the name.",
    },
    "problem.bad_version": {
        "sv": "\"{value}\" är ingen version. Använd pre-2010, 2010, 2016 eller 2020.",
        "en": "\"{value}\" is not a version. Use pre-2010, 2010, 2016 or 2020.",
    },
    "problem.bad_kind": {
        "sv": "\"{value}\" är ingen typ av utvärdering. Använd full (SKR:s utvärdering) eller self (egen analys).",
        "en": "\"{value}\" is not a kind of evaluation. Use full (SKR's evaluation) or self (self-assessment).",
    },
    "problem.bad_level": {
        "sv": "\"{value}\" är ingen nivå. Använd total, area eller subarea.",
        "en": "\"{value}\" is not a level. Use total, area or subarea.",
    },
    "problem.bad_code": {
        "sv": "Koden \"{value}\" finns inte på nivån {level} i version {version}. Giltiga koder: {valid}.",
        "en": "Code \"{value}\" does not exist at level {level} in version {version}. Valid codes: {valid}.",
    },
    "problem.bad_year": {
        "sv": "\"{value}\" är inget årtal. Skriv året med fyra siffror (2002 eller senare).",
        "en": "\"{value}\" is not a year. Write the year with four digits (2002 or later).",
    },
    "problem.bad_number": {
        "sv": "\"{value}\" är inget tal. Skriv poängen som ett tal, t.ex. 61 eller 61,5.",
        "en": "\"{value}\" is not a number. Write the points as a number, e.g. 61 or 61.5.",
    },
    "problem.score_range": {
        "sv": "Poängen {value} ligger utanför 0–{max}. Kontrollera siffran mot källan.",
        "en": "The score {value} is outside 0–{max}. Check the figure against the source.",
    },
    "problem.max_mismatch": {
        "sv": "Maxpoängen {value} stämmer inte med instrumentets {expected}. Använd {expected}.",
        "en": "The maximum {value} does not match the instrument's {expected}. Use {expected}.",
    },
    "problem.duplicate": {
        "sv": "Raden upprepar {what} (även rad {other}). Ta bort den ena raden.",
        "en": "The row repeats {what} (also row {other}). Remove one of the rows.",
    },
    "problem.missing_source": {
        "sv": "Källa saknas. Ange var siffran är publicerad (webbadress eller rapport).",
        "en": "Source missing. Say where the figure was published (address or report).",
    },
    # --- data layer: consistency flags ----------------------------------------
    "flag.total_vs_areas": {
        "sv": "Publicerad totalpoäng {total:g} skiljer sig från summan av områdena {sum:g} (differens {diff:+g}).",
        "en": "Published total {total:g} differs from the sum of the areas {sum:g} (difference {diff:+g}).",
    },
    "flag.subareas_vs_area": {
        "sv": "Område {code}: delområdena summerar till {sum:g}, området är publicerat som {area:g} (tolerans ±{tol:g}).",
        "en": "Area {code}: the sub-areas add to {sum:g}, the area is published as {area:g} (tolerance ±{tol:g}).",
    },
    "flag.year_outside_period": {
        "sv": "År {year} ligger utanför den vanliga perioden för version {version} ({period}).",
        "en": "Year {year} is outside the usual period of version {version} ({period}).",
    },
    "flag.unknown_label": {
        "sv": "Etiketten \"{label}\" motsvarar inget känt namn på område {code} i version {version}.",
        "en": "The label \"{label}\" matches no known name of area {code} in version {version}.",
    },
    "flag.note": {
        "sv": "Anmärkning i källdata: {note}",
        "en": "Note in the source data: {note}",
    },
    # --- ingest (report text / PDF) -------------------------------------------
    "ingest.error.not_found": {
        "sv": "Filen {file} finns inte. Kontrollera sökvägen till rapporten.",
        "en": "The file {file} does not exist. Check the path to the report.",
    },
    "ingest.error.not_a_file": {
        "sv": "{file} är en katalog, inte en fil. Ange rapportfilen (PDF eller text).",
        "en": "{file} is a directory, not a file. Give the report file (PDF or text).",
    },
    "ingest.error.unreadable": {
        "sv": "{file} kan inte läsas ({reason}). Kontrollera att filen finns och att du har läsrätt.",
        "en": "{file} cannot be read ({reason}). Check that the file exists and that you may read it.",
    },
    "ingest.error.too_large": {
        "sv": "{file} är {size_mb} MB; en rapport kan vara högst {limit_mb} MB. Ange rapporten själv, inte ett arkiv eller en samlingsfil.",
        "en": "{file} is {size_mb} MB; a report can be at most {limit_mb} MB. Give the report itself, not an archive or a collection.",
    },
    "ingest.error.empty": {
        "sv": "{file} är tom. Ange en Kommunkompassen-rapport som PDF eller text.",
        "en": "{file} is empty. Give a Kommunkompassen report as PDF or text.",
    },
    "ingest.error.binary": {
        "sv": "{file} är varken text eller PDF. Spara rapporten som PDF eller som vanlig text (UTF-8) och försök igen.",
        "en": "{file} is neither text nor PDF. Save the report as PDF or plain text (UTF-8) and try again.",
    },
    "ingest.error.undecodable": {
        "sv": "Texten i {file} går inte att avkoda (varken UTF-8 eller Windows-1252). Spara den som UTF-8 och försök igen.",
        "en": "The text in {file} cannot be decoded (neither UTF-8 nor Windows-1252). Save it as UTF-8 and try again.",
    },
    "ingest.error.too_long": {
        "sv": "{file} har {chars} tecken; en rapport kan ha högst {limit} tecken. Ange rapporten själv.",
        "en": "{file} has {chars} characters; a report can have at most {limit}. Give the report itself.",
    },
    "ingest.error.pdf_unreadable": {
        "sv": "PDF-filen {file} kan inte läsas ({reason}). Den kan vara skadad eller lösenordsskyddad; spara en oskyddad kopia eller texten (OCR) och försök igen.",
        "en": "The PDF {file} cannot be read ({reason}). It may be damaged or password-protected; save an unprotected copy or its text (OCR) and try again.",
    },
    "ingest.error.pdf_no_text": {
        "sv": "PDF-filen {file} har inget textlager (troligen inskannade bilder). Kör OCR på den och läs in textfilen i stället.",
        "en": "The PDF {file} has no text layer (probably scanned images). Run OCR on it and ingest the text file instead.",
    },
    "ingest.error.no_scores": {
        "sv": "Inga Kommunkompassen-poäng hittades i {file}: varken en poängtabell, områdespoäng eller en totalpoäng. Kontrollera att det är en rapport eller sida med poäng.",
        "en": "No Kommunkompassen scores were found in {file}: no score table, area scores or total. Check that it is a report or page with scores.",
    },
    "ingest.error.no_municipality": {
        "sv": "Det går inte att avgöra vilken kommun {file} gäller. Ange kommunen med --kommun (namn eller kod).",
        "en": "Cannot tell which municipality {file} is about. Give it with --kommun (name or code).",
    },
    "ingest.error.no_year": {
        "sv": "Det går inte att avgöra vilket år utvärderingen i {file} gjordes. Ange året med --year.",
        "en": "Cannot tell in which year the evaluation in {file} was made. Give the year with --year.",
    },
    "ingest.error.bad_kommun": {
        "sv": "Okänd kommun: \"{value}\". Ange ett kommunnamn (t.ex. Norsjö) eller en fyrsiffrig kommunkod (t.ex. 2417).",
        "en": "Unknown municipality: \"{value}\". Give a municipality name (e.g. Norsjö) or a 4-digit code (e.g. 2417).",
    },
    "ingest.error.bad_year": {
        "sv": "\"{value}\" är inget utvärderingsår. Ange året med fyra siffror, 2002 eller senare.",
        "en": "\"{value}\" is not an evaluation year. Give the year with four digits, 2002 or later.",
    },
    "ingest.error.bad_version": {
        "sv": "\"{value}\" är ingen version. Använd pre-2010, 2010, 2016 eller 2020.",
        "en": "\"{value}\" is not a version. Use pre-2010, 2010, 2016 or 2020.",
    },
    "ingest.error.internal": {
        "sv": "{file} kunde inte tolkas ({reason}). Inget har skrivits. Rapportera gärna filen som ett fel.",
        "en": "{file} could not be parsed ({reason}). Nothing was written. Please report the file as a bug.",
    },
    "ingest.flag.ocr_digit": {
        "sv": "Delområde {code}: texten visar {read:g}, men {percent:g} % av {max:g} och områdets summa ger {value:g}; {value:g} har skrivits.",
        "en": "Sub-area {code}: the text reads {read:g}, but {percent:g} % of {max:g} and the area's sum give {value:g}; {value:g} was written.",
    },
    "ingest.flag.percent_mismatch": {
        "sv": "Delområde {code}: {score:g} av {max:g} stämmer inte med tryckta {percent:g} %. Kontrollera siffran mot rapporten.",
        "en": "Sub-area {code}: {score:g} of {max:g} does not match the printed {percent:g} %. Check the figure against the report.",
    },
    "ingest.flag.area_sources_differ": {
        "sv": "Område {code}: sammanställningen visar {summary:g}, delpoängstabellen {detail:g}. Sammanställningens värde har behållits.",
        "en": "Area {code}: the summary shows {summary:g}, the sub-area table {detail:g}. The summary's value was kept.",
    },
    "ingest.flag.total_sources_differ": {
        "sv": "Totalpoängen anges både som {first:g} och {second:g}. {first:g} har behållits.",
        "en": "The total is given both as {first:g} and {second:g}. {first:g} was kept.",
    },
    "ingest.summary.header": {
        "sv": "{file}: {municipality} ({kommunkod}), {sets} poänguppsättning(ar)",
        "en": "{file}: {municipality} ({kommunkod}), {sets} score set(s)",
    },
    "ingest.summary.set": {
        "sv": "  {year} version {version} ({kind}): total {total}, {areas} områden, {subareas} delområden",
        "en": "  {year} version {version} ({kind}): total {total}, {areas} areas, {subareas} sub-areas",
    },
    "ingest.summary.flags": {
        "sv": "Flaggor ({count}):",
        "en": "Flags ({count}):",
    },
    "ingest.summary.no_flags": {
        "sv": "Inga flaggor.",
        "en": "No flags.",
    },
    "ingest.summary.none": {
        "sv": "saknas",
        "en": "none",
    },
    "ingest.kind.full": {"sv": "SKR:s utvärdering", "en": "SKR evaluation"},
    "ingest.kind.self": {"sv": "egen analys", "en": "self-assessment"},
    # --- end ingest -------------------------------------------------------------
    # --- UI ---------------------------------------------------------------------
    # --- end UI -----------------------------------------------------------------
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text for key in lang, with params filled in; the key itself if unknown."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):
        return text
