"""Swedish and English texts: one catalogue for the CLI, errors and the UI."""

from __future__ import annotations

from babel import Locale

from .formats import local_params, locale

LANGUAGES = ("sv", "en")
PRODUCT = "Kommunkompassen analytics"  # the compilation's name, in every source line and report
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
    "error.not_in_version": {
        "sv": (
            "Poängen går inte att jämföra: {left} är bedömd med version {left_version} av Kommunkompassen, "
            "inte med version {right_version}. Instrumentet reviderades mellan versionerna, så poäng är "
            "jämförbara bara inom en version."
        ),
        "en": (
            "These scores cannot be compared: {left} was scored with Kommunkompassen version {left_version}, "
            "not with version {right_version}. The instrument was revised between the versions, so scores "
            "are comparable only within one version."
        ),
    },
    "error.unknown_version": {
        "sv": "\"{value}\" är ingen version av Kommunkompassen. Använd en av: {versions}.",
        "en": "\"{value}\" is not a version of Kommunkompassen. Use one of: {versions}.",
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
    "error.invalid_data.one": {"sv": "{file}: {count} fel.", "en": "{file}: {count} error."},
    "error.invalid_data.other": {"sv": "{file}: {count} fel.", "en": "{file}: {count} errors."},
    "error.nothing_written": {
        "sv": "Inget har skrivits: datakatalogen är oförändrad.",
        "en": "Nothing was written: the data folder is unchanged.",
    },
    "error.add_not_staged": {
        "sv": "{file} lades inte till: {path} gick inte att skriva ({reason}). Inget har skrivits: datakatalogen är oförändrad. Se till att datakatalogen och dess mapp parquet/ är skrivbara mappar och försök igen.",
        "en": "{file} was not added: {path} could not be written ({reason}). Nothing was written: the data folder is unchanged. Make sure the data folder and its parquet/ folder are writable folders and try again.",
    },
    "error.add_cache_stale": {
        "sv": "{file} har lagts till i scores.csv, men cachen {path} gick inte att uppdatera ({reason}). Data läses från CSV-filen tills du kör `python -m kompass_data build`.",
        "en": "{file} was added to scores.csv, but the cache {path} could not be updated ({reason}). The data is read from the CSV until you run `python -m kompass_data build`.",
    },
    "error.ingest_inside_data_dir": {
        "sv": "Resultatet skrivs inte till {path}: den ligger i datakatalogen och skulle skriva över källdata. Välj en annan fil med -o, eller lägg till poängen med `add`.",
        "en": "The result is not written to {path}: it is inside the data folder and would overwrite source data. Choose another file with -o, or add the scores with `add`.",
    },
    "error.ingest_not_a_file": {
        "sv": "Resultatet skrivs inte till {path}: det är ingen vanlig fil. Välj en fil med -o.",
        "en": "The result is not written to {path}: it is not a regular file. Choose a file with -o.",
    },
    "error.export_inside_data_dir": {
        "sv": "Exporten skrivs inte till {path}: den ligger i datakatalogen och skulle skriva över källdata. Välj en annan fil med -o.",
        "en": "The export is not written to {path}: it is inside the data folder and would overwrite source data. Choose another file with -o.",
    },
    "error.export_not_a_file": {
        "sv": "Exporten skrivs inte till {path}: det är ingen vanlig fil. Välj en fil med -o.",
        "en": "The export is not written to {path}: it is not a regular file. Choose a file with -o.",
    },
    "error.export_foreign_codebook": {
        "sv": "Exporten skrivs inte till {path}: mappen har redan en datapackage.json som inte kommer från en Kommunkompassen-export. Välj en annan mapp.",
        "en": "The export is not written to {path}: the folder already has a datapackage.json that is not from a Kommunkompassen export. Choose another folder.",
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
    # --- data layer: limits and damaged inputs (issue 15) ---------------------
    "error.file_is_directory": {
        "sv": "{file} är en mapp, inte en fil. Ange sökvägen till själva filen.",
        "en": "{file} is a folder, not a file. Give the path of the file itself.",
    },
    "error.file_unreadable_os": {
        "sv": "{file} kan inte läsas ({reason}). Kontrollera att filen finns och att du har läsrätt.",
        "en": "{file} cannot be read ({reason}). Check that the file exists and that you may read it.",
    },
    "error.not_utf8": {
        "sv": "{file}: rad {line} är inte UTF-8 (byte {byte}), men resten av filen är det. Spara filen som CSV UTF-8 igen, eller rätta tecknen på rad {line}.",
        "en": "{file}: line {line} is not UTF-8 (byte {byte}) although the rest of the file is. Save the file as CSV UTF-8 again, or correct the characters on line {line}.",
    },
    "notice.read_as_cp1252": {
        "sv": "{file} är inte UTF-8 och lästes som Windows-1252 (Excels CSV-format i Windows). Kontrollera att å, ä och ö ser rätt ut.",
        "en": "{file} is not UTF-8 and was read as Windows-1252 (Excel's CSV on Windows). Check that å, ä and ö look right.",
    },
    "error.table_too_large": {
        "sv": "{file} är {size_mb} MB; en tabell kan vara högst {limit_mb} MB. Dela upp tabellen i flera filer.",
        "en": "{file} is {size_mb} MB; a table can be at most {limit_mb} MB. Split the table into several files.",
    },
    "error.table_too_much_text": {
        "sv": "{file} innehåller mer än {limit_mb} MB text; en tabell kan ha högst {limit_mb} MB. Dela upp tabellen i flera filer.",
        "en": "{file} holds more than {limit_mb} MB of text; a table can hold at most {limit_mb} MB. Split the table into several files.",
    },
    "error.table_too_many_rows": {
        "sv": "{file} har fler än {limit} rader; en tabell kan ha högst {limit} rader. Dela upp tabellen i flera filer. Inget lästes in.",
        "en": "{file} has more than {limit} rows; a table can have at most {limit} rows. Split the table into several files. Nothing was read.",
    },
    "error.table_too_many_columns": {
        "sv": "{file} har fler än {limit} kolumner; en tabell kan ha högst {limit}. Spara bara kolumnerna i standardformatet.",
        "en": "{file} has more than {limit} columns; a table can have at most {limit}. Save only the columns of the canonical format.",
    },
    "error.table_too_slow": {
        "sv": "Läsningen av {file} avbröts efter {seconds} sekunder (gränsen för en tabell). Spara tabellen som CSV eller dela upp den.",
        "en": "Reading {file} was stopped after {seconds} seconds (the limit for one table). Save the table as CSV or split it.",
    },
    "error.xlsx_too_large_unpacked": {
        "sv": "{file} packas upp till {size_mb} MB; en arbetsbok kan vara högst {limit_mb} MB uppackad och ha högst {text_mb} MB text. Spara bara tabellen med poängen, som CSV eller i en ny arbetsbok.",
        "en": "{file} unpacks to {size_mb} MB; a workbook can be at most {limit_mb} MB unpacked and hold at most {text_mb} MB of text. Save only the score table, as CSV or in a new workbook.",
    },
    "problem.cell_too_long": {
        "sv": "Cellen har {chars} tecken; en cell kan ha högst {limit}. Korta texten.",
        "en": "The cell has {chars} characters; a cell can have at most {limit}. Shorten the text.",
    },
    "problem.ambiguous_number": {
        "sv": "\"{value}\" kan läsas både som {small} och som {large}. Skriv talet utan tusentalsavgränsare och med högst två decimaler, t.ex. 61,5.",
        "en": "\"{value}\" could mean {small} or {large}. Write the number without a thousands separator and with at most two decimals, e.g. 61.5.",
    },
    "error.unknown_kommungrupp": {
        "sv": "Okänd kommungrupp: \"{text}\". Giltiga grupper (SKR 2017): {valid}.",
        "en": "Unknown municipality group: \"{text}\". Valid groups (SKR 2017): {valid}.",
    },
    "notice.parquet_rebuilt": {
        "sv": "Cachefilen {path} var skadad och har byggts om från {csv} (källan, som är intakt).",
        "en": "The cache file {path} was damaged and has been rebuilt from {csv} (the source, which is intact).",
    },
    "notice.parquet_damaged": {
        "sv": "Cachefilen {path} är skadad; {csv} (källan, som är intakt) lästes i stället. Kör python -m kompass_data build för att bygga om cachen.",
        "en": "The cache file {path} is damaged; {csv} (the source, which is intact) was read instead. Run python -m kompass_data build to rebuild the cache.",
    },
    "error.os_readonly": {
        "sv": "Kan inte skriva {path}: mappen är skrivskyddad eller du saknar skrivrätt. Välj en annan mapp eller ändra behörigheterna.",
        "en": "Cannot write {path}: the folder is read-only or you may not write there. Choose another folder or change its permissions.",
    },
    "error.os_disk_full": {
        "sv": "Kan inte skriva {path}: disken är full. Frigör utrymme och försök igen.",
        "en": "Cannot write {path}: the disk is full. Free some space and try again.",
    },
    "error.os_other": {
        "sv": "Kan inte läsa eller skriva {path}: {reason}. Kontrollera sökvägen och behörigheterna.",
        "en": "Cannot read or write {path}: {reason}. Check the path and its permissions.",
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
        "sv": "\"{value}\" är ingen version. Använd {versions}.",
        "en": "\"{value}\" is not a version. Use {versions}.",
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
        "sv": "\"{value}\" är inget årtal. Skriv året med fyra siffror ({floor} eller senare).",
        "en": "\"{value}\" is not a year. Write the year with four digits ({floor} or later).",
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
    "problem.duplicate_column": {
        "sv": "Rubriken \"{column}\" finns två gånger (kolumn {first} och {again}). Ta bort eller byt namn på den ena.",
        "en": "The heading \"{column}\" appears twice (columns {first} and {again}). Remove or rename one of them.",
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
    # --- CLI: --help and output -------------------------------------------------
    "cli.usage": {"sv": "användning: ", "en": "usage: "},
    "cli.section.positionals": {"sv": "argument", "en": "positional arguments"},
    "cli.section.options": {"sv": "flaggor", "en": "options"},
    "cli.section.commands": {"sv": "kommandon", "en": "commands"},
    "cli.help.help": {"sv": "visa den här hjälpen och avsluta", "en": "show this help message and exit"},
    "cli.error.usage": {"sv": "{prog}: fel: {message}", "en": "{prog}: error: {message}"},
    "cli.argparse.required": {"sv": "dessa argument krävs: {args}", "en": "the following arguments are required: {args}"},
    "cli.argparse.unrecognized": {"sv": "okända argument: {args}", "en": "unrecognized arguments: {args}"},
    "cli.argparse.invalid_choice": {
        "sv": "argument {arg}: {value} är inget av valen ({choices})",
        "en": "argument {arg}: invalid choice: {value} (choose from {choices})",
    },
    "cli.argparse.invalid_value": {
        "sv": "argument {arg}: {value} är inget giltigt värde ({type})",
        "en": "argument {arg}: invalid {type} value: {value}",
    },
    "cli.argparse.expected_one": {"sv": "argument {arg}: ett värde krävs", "en": "argument {arg}: expected one argument"},
    "cli.description": {
        "sv": "Kommunkompassens poäng: granska, jämför inom en version av instrumentet, exportera.",
        "en": "Kommunkompassen scores: validate, compare within one instrument version, export.",
    },
    "cli.epilog": {
        "sv": "KOMMUN är ett namn (stora eller små bokstäver, med eller utan å/ä/ö) eller en fyrsiffrig kod; "
              "KOMMUN:ÅR väljer en poänguppsättning, t.ex. Norsjö:2018 (lägg till :VERSION[:TYP] om ett år har flera). "
              "Språk: --lang sv|en eller KOMPASS_LANG.",
        "en": "KOMMUN is a name (any case, with or without å/ä/ö) or a 4-digit code; KOMMUN:YEAR picks a "
              "score set, e.g. Norsjö:2018 (add :VERSION[:KIND] if a year has several). "
              "Language: --lang sv|en or KOMPASS_LANG.",
    },
    "cli.metavar.command": {"sv": "KOMMANDO", "en": "COMMAND"},
    "cli.metavar.dir": {"sv": "MAPP", "en": "DIR"},
    "cli.metavar.file": {"sv": "FIL", "en": "FILE"},
    "cli.metavar.out_csv": {"sv": "UT.csv", "en": "OUT.csv"},
    "cli.metavar.out_html": {"sv": "FIL.html", "en": "FILE.html"},
    "cli.metavar.year": {"sv": "ÅR", "en": "YEAR"},
    "cli.metavar.kommun": {"sv": "KOMMUN", "en": "KOMMUN"},
    "cli.metavar.score_set": {"sv": "KOMMUN:ÅR", "en": "KOMMUN:YEAR"},
    "cli.cmd.info": {"sv": "antal per version och nivå", "en": "counts per version and level"},
    "cli.cmd.info.description": {
        "sv": "Antal poänguppsättningar och rader per version och nivå, och hur många kommuner som har poäng.",
        "en": "Score sets and rows per version and level, and how many municipalities have scores.",
    },
    "cli.cmd.validate": {"sv": "granska datamängden eller en ny CSV/XLSX", "en": "validate the dataset or a candidate CSV/XLSX"},
    "cli.cmd.validate.description": {
        "sv": "Granskar datamängden, eller en ny fil mot den. Fel anges med rad och kolumn (slutkod 1); flaggor skrivs ut men stoppar inget.",
        "en": "Validates the dataset, or a new file against it. Errors are given by row and column (exit 1); flags are printed but stop nothing.",
    },
    "cli.cmd.peers": {"sv": "en poänguppsättning bredvid sina jämförelsekommuner", "en": "a score set beside its peer statistics"},
    "cli.cmd.peers.description": {
        "sv": "En poänguppsättning bredvid medel, median, min, max och percentil för kommuner bedömda med samma version.",
        "en": "A score set beside the mean, median, min, max and percentile of municipalities scored with the same version.",
    },
    "cli.cmd.compare": {"sv": "poänguppsättningar sida vid sida (en version)", "en": "score sets side by side (one version only)"},
    "cli.cmd.compare.description": {
        "sv": "Poänguppsättningar sida vid sida. Olika versioner jämförs inte (slutkod 2).",
        "en": "Score sets side by side. Different versions are not compared (exit 2).",
    },
    "cli.cmd.trend": {"sv": "en kommun över tid, ett segment per version", "en": "a municipality over time, one segment per version"},
    "cli.cmd.trend.description": {
        "sv": "En kommuns poäng över tid, ett segment per version; ingen förändring räknas över en revision.",
        "en": "A municipality's scores over time, one segment per version; no change is computed across a revision.",
    },
    "cli.cmd.add": {"sv": "lägg till poänguppsättningar från en CSV/XLSX eller en rapport (allt eller inget)", "en": "add score sets from a CSV/XLSX or a report (all or nothing)"},
    "cli.cmd.add.description": {
        "sv": "Lägger till poänguppsättningar i datamängden: allt eller inget, med säkerhetskopia.",
        "en": "Adds score sets to the dataset: all or nothing, with a backup.",
    },
    "cli.cmd.export": {"sv": "filtrerad lång tabell + kodbok (datapackage.json)", "en": "filtered long table + datapackage.json codebook"},
    "cli.cmd.export.description": {
        "sv": "Skriver den filtrerade långa tabellen (formelsäker) med datapackage.json bredvid.",
        "en": "Writes the filtered long table (formula-safe) with datapackage.json beside it.",
    },
    "cli.cmd.report": {"sv": "jämförelserapporten för en poänguppsättning (en HTML-fil)", "en": "the benchmark report of a score set (one HTML file)"},
    "cli.cmd.report.description": {
        "sv": "Skriver en fristående HTML-fil som öppnas utan internet och skrivs ut på A4: profil mot jämförelsegruppen, områden, delområden, utveckling per version, flaggor, styrkor och förbättringsmöjligheter, källor och metod. Samma fil som nedladdningen på Kommunprofil.",
        "en": "Writes one self-contained HTML file that opens offline and prints on A4: profile against the peer group, areas, sub-areas, development per version, flags, strengths and improvement areas, sources and method. The same file as the download on Kommunprofil.",
    },
    "cli.opt.report_output": {"sv": "rapportens fil (.html); aldrig i datakatalogen", "en": "the report's file (.html); never inside the data folder"},
    "cli.cmd.outcomes": {
        "sv": "poäng i en version bredvid ett nyckeltal från Kolada, en punkt per SKR-utvärdering",
        "en": "scores of one version beside a Kolada indicator, one point per SKR evaluation",
    },
    "cli.cmd.outcomes.description": {
        "sv": "En punkt per SKR-utvärdering i versionen som har området: poängen och nyckeltalet samma år (annars året före eller efter), n och Spearmans rho (null under n = 8). Versioner slås aldrig ihop. Källa: Kolada.",
        "en": "One point per SKR evaluation of the version that has the area: the score and the indicator in the same year (else the year before or after), n and Spearman's rho (null below n = 8). Versions are never pooled. Källa: Kolada.",
    },
    "cli.opt.outcomes_version": {"sv": "instrumentets version (obligatorisk)", "en": "the instrument version (required)"},
    "cli.opt.outcomes_area": {"sv": "områdesnummer 1-8 eller total", "en": "area number 1-8 or total"},
    "cli.opt.outcomes_kpi": {"sv": "Koladas nyckeltal, t.ex. N00090", "en": "Kolada KPI id, e.g. N00090"},
    "cli.out.outcomes": {
        "sv": "Version {version}, {item}, {kpi}: n = {n}; Spearmans rho = {rho}. Källa: Kolada (bearbetat av det här projektet).",
        "en": "Version {version}, {item}, {kpi}: n = {n}; Spearman's rho = {rho}. Källa: Kolada (processed by this project).",
    },
    "cli.out.outcomes_few": {
        "sv": "Version {version}, {item}, {kpi}: n = {n}; ingen rangkorrelation under n = {min}. Källa: Kolada (bearbetat av det här projektet).",
        "en": "Version {version}, {item}, {kpi}: n = {n}; no rank correlation below n = {min}. Källa: Kolada (processed by this project).",
    },
    "cli.cmd.build": {"sv": "bygg om Parquet-filerna från CSV-filerna", "en": "rebuild the Parquet files from the CSVs"},
    "cli.cmd.build.description": {
        "sv": "Bygger om de typade Parquet-filerna, flaggorna och tabellen över poänguppsättningar från CSV-filerna.",
        "en": "Rebuilds the typed Parquet files, the flags and the score-set table from the CSVs.",
    },
    "cli.cmd.ingest": {"sv": "läs en rapport (PDF eller text) till poänguppsättningar", "en": "read a report (PDF or text) into score sets"},
    "cli.cmd.ingest.description": {
        "sv": "Läser en Kommunkompassen-rapport (PDF eller OCR-text) till poänguppsättningar i de kanoniska kolumnerna.",
        "en": "Reads a Kommunkompassen report (PDF or OCR text) into score sets in the canonical columns.",
    },
    "cli.opt.data_dir": {"sv": "datamapp (standard: den medföljande datasets/)", "en": "dataset folder (default: the shipped datasets/)"},
    "cli.opt.lang": {"sv": "språk för texterna: sv (standard) eller en; även KOMPASS_LANG", "en": "language of messages: sv (default) or en; also KOMPASS_LANG"},
    "cli.opt.format": {"sv": "utdataformat (json och csv med punkt som decimaltecken)", "en": "output format (json and csv with a decimal point)"},
    "cli.opt.lan": {"sv": "länskod eller namn (t.ex. 24 eller 'Västerbottens län')", "en": "county code or name (e.g. 24 or 'Västerbottens län')"},
    "cli.opt.kommungrupp": {"sv": "SKR:s kommungrupp 2017 (A1 … C9)", "en": "SKR municipality group 2017 (A1 … C9)"},
    "cli.opt.include_self": {"sv": "räkna in egna analyser bland jämförelsekommunerna", "en": "count self-assessments as peers"},
    "cli.opt.peer_year_from": {"sv": "jämförelsekommuner utvärderade detta år eller senare", "en": "peers evaluated in or after this year"},
    "cli.opt.peer_year_to": {"sv": "jämförelsekommuner utvärderade detta år eller tidigare", "en": "peers evaluated in or before this year"},
    "cli.opt.replace": {"sv": "ersätt poänguppsättningar som redan finns", "en": "replace score sets that exist"},
    "cli.opt.export_version": {"sv": "bara denna version av instrumentet", "en": "only this instrument version"},
    "cli.opt.export_kommun": {"sv": "bara denna kommun (kan upprepas)", "en": "only this municipality (repeatable)"},
    "cli.opt.level": {"sv": "bara denna nivå", "en": "only this level"},
    "cli.opt.kind": {"sv": "bara SKR:s utvärderingar (full) eller egna analyser (self)", "en": "only SKR evaluations (full) or self-assessments (self)"},
    "cli.opt.year_from": {"sv": "från och med detta år", "en": "from this year on"},
    "cli.opt.year_to": {"sv": "till och med detta år", "en": "up to and including this year"},
    "cli.opt.export_format": {"sv": "filformat (standard: från filnamnet, annars csv)", "en": "file format (default: from the file name, else csv)"},
    "cli.opt.export_output": {"sv": "filen som skrivs", "en": "the file to write"},
    "cli.opt.ingest_output": {"sv": "skriv poängen hit i stället för till standard ut", "en": "write the scores here instead of to stdout"},
    "cli.opt.ingest_kommun": {"sv": "kommunen, om rapporten inte säger det", "en": "the municipality, if the report does not say"},
    "cli.opt.ingest_year": {"sv": "utvärderingsåret, om rapporten inte säger det", "en": "the evaluation year, if the report does not say"},
    "cli.metavar.findings_csv": {"sv": "FYND.csv", "en": "FINDINGS.csv"},
    "cli.metavar.text": {"sv": "TEXT", "en": "TEXT"},
    "cli.opt.ingest_findings": {
        "sv": "skriv också rapportens styrkor, förbättringsmöjligheter och inspiration hit (kolumnerna i findings.csv)",
        "en": "also write the report's strengths, improvement areas and inspiration here (the columns of findings.csv)",
    },
    "cli.cmd.findings": {
        "sv": "sök i rapporternas styrkor, förbättringsmöjligheter och inspiration",
        "en": "search the reports' strengths, improvement areas and inspiration",
    },
    "cli.cmd.findings.description": {
        "sv": "Sök i findings.csv: fritext (alla ord måste finnas; å/ä/ö och versaler spelar ingen roll; några engelska ord hittar sina svenska motsvarigheter), område, kommun, typ och version.",
        "en": "Search findings.csv: free text (every word must occur; å/ä/ö and case do not matter; a few English words find their Swedish counterparts), area, municipality, kind and version.",
    },
    "cli.opt.findings_search": {"sv": "ord som alla måste finnas i texten", "en": "words that must all occur in the text"},
    "cli.opt.findings_area": {"sv": "huvudområdets nummer", "en": "main area number"},
    "cli.opt.findings_kommun": {"sv": "den utvärderade eller den namngivna kommunen", "en": "the evaluated or the named municipality"},
    "cli.opt.findings_kind": {
        "sv": "strength, improvement, high_scorer eller example (kan upprepas)",
        "en": "strength, improvement, high_scorer or example (repeatable)",
    },
    "cli.opt.findings_version": {"sv": "bara fynd från utvärderingar med den versionen", "en": "only findings of evaluations with that version"},
    "cli.opt.findings_year": {"sv": "bara fynd från utvärderingar det året", "en": "only findings of evaluations in that year"},
    "cli.opt.ingest_version": {"sv": "instrumentets version, om rapporten inte säger det", "en": "the instrument version, if the report does not say"},
    "cli.arg.validate_file": {"sv": "ny fil att granska (standard: datamängden själv)", "en": "candidate file (default: the dataset itself)"},
    "cli.arg.score_set": {"sv": "poänguppsättningen, t.ex. Norsjö:2018", "en": "the score set, e.g. Norsjö:2018"},
    "cli.arg.score_sets": {"sv": "poänguppsättningar, alla i samma version", "en": "score sets, all in the same version"},
    "cli.arg.kommun": {"sv": "kommunens namn eller kod", "en": "the municipality's name or code"},
    "cli.arg.add_file": {"sv": "CSV eller XLSX i de kanoniska kolumnerna, eller en rapport (PDF eller text)", "en": "CSV or XLSX in the canonical columns, or a report (PDF or text)"},
    "cli.arg.report_file": {"sv": "rapporten (PDF eller text)", "en": "the report (PDF or text)"},
    "cli.out.info": {
        "sv": "{covered} / {total} kommuner har poäng; {score_sets}; {flags}.",
        "en": "{covered} / {total} municipalities have scores; {score_sets}; {flags}.",
    },
    "cli.opt.group": {
        "sv": "namngiven jämförelsegrupp: version (alla i versionen, standard), kommungrupp (samma SKR-grupp), size (halva till dubbla folkmängden), lan (samma län), similar (de k mest lika)",
        "en": "named peer group: version (everyone in the version, default), kommungrupp (same SKR group), size (half to double the population), lan (same county), similar (the k most similar)",
    },
    "cli.opt.k": {"sv": "--group similar: hur många (standard 5)", "en": "--group similar: how many (default 5)"},
    "cli.opt.kommungrupp_year": {
        "sv": "SKR:s kommungruppsindelning för kommungrupp/similar: 2023 (standard) eller 2017",
        "en": "SKR classification for kommungrupp/similar: 2023 (default) or 2017",
    },
    "cli.out.peers": {"sv": "Jämförelsekommuner: {peers}", "en": "Peers: {peers}"},
    "cli.out.no_peers": {"sv": "inga som matchar filtren", "en": "none match the filters"},
    "cli.out.flag": {"sv": "FLAGGA {where}: {message}", "en": "FLAG {where}: {message}"},
    "cli.out.bad_format": {
        "sv": "--format: {format} är inget filformat. Välj ett av {formats}, eller ett filnamn som slutar så.",
        "en": "--format: {format} is not a file format. Choose one of {formats}, or a file name ending so.",
    },
    "cli.out.export": {"sv": "{rows} -> {path}; kodbok: {codebook}", "en": "{rows} -> {path}; codebook: {codebook}"},
    # --- counted nouns: plural forms by Babel's rule (key.one / key.other) --------
    "count.municipalities.one": {"sv": "{n} kommun", "en": "{n} municipality"},
    "count.municipalities.other": {"sv": "{n} kommuner", "en": "{n} municipalities"},
    "count.score_sets.one": {"sv": "{n} poänguppsättning", "en": "{n} score set"},
    "count.score_sets.other": {"sv": "{n} poänguppsättningar", "en": "{n} score sets"},
    "count.flags.one": {"sv": "{n} flagga", "en": "{n} flag"},
    "count.flags.other": {"sv": "{n} flaggor", "en": "{n} flags"},
    "count.rows.one": {"sv": "{n} rad", "en": "{n} row"},
    "count.rows.other": {"sv": "{n} rader", "en": "{n} rows"},
    "count.evaluations.one": {"sv": "{n} utvärdering", "en": "{n} evaluation"},
    "count.evaluations.other": {"sv": "{n} utvärderingar", "en": "{n} evaluations"},
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
        "sv": "{file} har {chars} tecken; en rapport kan ha högst {limit} tecken. Spara delen med poängen som en egen fil och läs in den.",
        "en": "{file} has {chars} characters; a report can have at most {limit}. Save the part with the scores as a file of its own and read that.",
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
        "sv": "\"{value}\" är inget utvärderingsår. Ange året med fyra siffror, {floor} eller senare.",
        "en": "\"{value}\" is not an evaluation year. Give the year with four digits, {floor} or later.",
    },
    "ingest.error.bad_version": {
        "sv": "\"{value}\" är ingen version. Använd {versions}.",
        "en": "\"{value}\" is not a version. Use {versions}.",
    },
    "ingest.error.limit_pages": {
        "sv": "{file} har {pages} sidor; en rapport kan ha högst {limit} sidor. Spara sidorna med poängen som en egen PDF och läs in den.",
        "en": "{file} has {pages} pages; a report can have at most {limit}. Save the pages with the scores as a PDF of their own and read that.",
    },
    "ingest.error.limit_chars": {
        "sv": "{file} har mer än {limit} tecken text (gränsen nåddes på sidan {page}). Spara sidorna med poängen som en egen fil och läs in den.",
        "en": "{file} has more than {limit} characters of text (the limit was reached on page {page}). Save the pages with the scores as a file of their own and read that.",
    },
    "ingest.error.limit_page_content": {
        "sv": "Sidan {page} i {file} packas upp till mer än {limit} MB ritinstruktioner, mer än en rapportsida behöver. Filen kan vara skadad eller konstruerad för att fylla minnet; spara en ny PDF eller texten och försök igen.",
        "en": "Page {page} of {file} inflates to more than {limit} MB of drawing instructions, more than a report page needs. The file may be damaged or built to fill memory; save a new PDF or its text and try again.",
    },
    "ingest.error.limit_content": {
        "sv": "{file} packas upp till mer än {limit} MB ritinstruktioner (gränsen nåddes på sidan {page}). Spara sidorna med poängen som en egen PDF och läs in den.",
        "en": "{file} inflates to more than {limit} MB of drawing instructions (the limit was reached on page {page}). Save the pages with the scores as a PDF of their own and read that.",
    },
    "ingest.error.limit_time": {
        "sv": "Att läsa {file} tog mer än {limit} sekunder och avbröts. Spara sidorna med poängen som en egen PDF, eller texten, och försök igen.",
        "en": "Reading {file} took more than {limit} seconds and was stopped. Save the pages with the scores as a PDF of their own, or its text, and try again.",
    },
    "ingest.error.limit_memory": {
        "sv": "Att läsa {file} behövde mer än {limit} MB minne och avbröts. Spara sidorna med poängen som en egen PDF, eller texten, och försök igen.",
        "en": "Reading {file} needed more than {limit} MB of memory and was stopped. Save the pages with the scores as a PDF of their own, or its text, and try again.",
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
    "ingest.flag.version_from_year": {
        "sv": "Versionen {version} är härledd från året {year}; texten säger inte vilken version som användes. Kontrollera, eller ange --version.",
        "en": "Version {version} is derived from the year {year}; the text does not say which version was used. Check it, or give --version.",
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
    "ui.language": {"sv": "Språk", "en": "Language"},
    "ui.page.oversikt": {"sv": "Översikt", "en": "Overview"},
    "ui.page.kommunprofil": {"sv": "Kommunprofil", "en": "Municipality profile"},
    "ui.page.utveckling": {"sv": "Utveckling", "en": "Trend"},
    "ui.page.jamfor": {"sv": "Jämför", "en": "Compare"},
    "ui.page.fordelning": {"sv": "Fördelning och topplista", "en": "Distribution and top list"},
    "ui.page.export": {"sv": "Export", "en": "Export"},
    "ui.page.egna_data": {"sv": "Egna data", "en": "Your own data"},
    "ui.error.unexpected": {
        "sv": "Något gick fel när sidan skulle visas. Försök med andra val eller ladda om sidan; om felet kvarstår, rapportera det gärna med länken till sidan.",
        "en": "Something went wrong while showing this page. Try other choices or reload the page; if it persists, please report it with the page's link.",
    },
    "ui.error.details": {"sv": "Tekniska detaljer", "en": "Technical details"},
    "ui.version_rule": {
        "sv": "Poäng är jämförbara bara inom en version av Kommunkompassen (före 2010, 2010, 2016, 2020): instrumentet reviderades mellan versionerna och en ny version ger normalt lägre poäng för samma arbetssätt.",
        "en": "Scores are comparable only within one version of Kommunkompassen (pre-2010, 2010, 2016, 2020): the instrument was revised between versions, and a new version normally scores the same practice lower.",
    },
    "ui.version_option": {"sv": "Version {version} ({period})", "en": "Version {version} ({period})"},
    "ui.missing": {"sv": "uppgift saknas", "en": "no data"},
    "ui.none": {"sv": "Inga.", "en": "None."},
    "ui.session_data": {"sv": "dina egna data (bara i den här sessionen)", "en": "your own data (this session only)"},
    "ui.thin_mean": {
        "sv": "n < {n}: ett medelvärde av färre än {n} kommuner är inget riktmärke",
        "en": "n < {n}: a mean of fewer than {n} municipalities is no benchmark",
    },
    "ui.thin_mean_long": {
        "sv": "Några medelvärden bygger på färre än {n} kommuner (n < {n}): ett medelvärde av så få kommuner är inget riktmärke. Se kolumnen n.",
        "en": "Some means rest on fewer than {n} municipalities (n < {n}): a mean of so few municipalities is no benchmark. See the column n.",
    },
    "ui.area_n": {"sv": "Område {code}", "en": "Area {code}"},
    "ui.kind.full": {"sv": "SKR:s utvärdering", "en": "SKR evaluation"},
    "ui.kind.self": {"sv": "egen analys", "en": "self-assessment"},
    "ui.kind_long.full": {"sv": "SKR:s externa utvärdering.", "en": "SKR's external evaluation."},
    "ui.kind_long.self": {
        "sv": "Egen analys: kommunens egen bedömning med instrumentet, inte SKR:s utvärdering.",
        "en": "Self-assessment: the municipality's own scoring with the instrument, not SKR's evaluation.",
    },
    "ui.pick.kommun": {"sv": "Kommun", "en": "Municipality"},
    "ui.pick.kommuner": {"sv": "Kommuner", "en": "Municipalities"},
    "ui.pick.score_set": {"sv": "Utvärdering (år, version)", "en": "Evaluation (year, version)"},
    "ui.pick.version": {"sv": "Version av instrumentet", "en": "Instrument version"},
    "ui.pick.lan": {"sv": "Län", "en": "County"},
    "ui.pick.grupp": {"sv": "Kommungrupp (SKR 2017)", "en": "Municipality group (SKR 2017)"},
    "ui.pick.egen": {"sv": "Räkna med egna analyser", "en": "Include self-assessments"},
    "ui.pick.item": {"sv": "Total eller område", "en": "Total or area"},
    "ui.all_lan": {"sv": "Alla län", "en": "All counties"},
    "ui.all_grupp": {"sv": "Alla kommungrupper", "en": "All municipality groups"},
    "ui.col.item": {"sv": "Område", "en": "Area"},
    "ui.col.score": {"sv": "Poäng", "en": "Score"},
    "ui.col.peer_mean": {"sv": "Medelvärde jämförbara", "en": "Peer mean"},
    "ui.col.n": {"sv": "n", "en": "n"},
    "ui.col.difference": {"sv": "Skillnad", "en": "Difference"},
    "ui.col.percentile": {"sv": "Percentil", "en": "Percentile"},
    "ui.col.flags": {"sv": "Flaggor", "en": "Flags"},
    "ui.col.code": {"sv": "Kod", "en": "Code"},
    "ui.col.max": {"sv": "Max", "en": "Max"},
    "ui.col.min": {"sv": "Min", "en": "Min"},
    "ui.col.note": {"sv": "Anmärkning i data", "en": "Note in the data"},
    "ui.col.statistic": {"sv": "Mått", "en": "Statistic"},
    "ui.col.population": {"sv": "Avser", "en": "Covers"},
    "ui.col.source": {"sv": "Källa", "en": "Source"},
    "ui.col.used_for": {"sv": "Räknas in i", "en": "Counted in"},
    "ui.col.detail": {"sv": "Detalj", "en": "Detail"},
    "ui.col.municipality": {"sv": "Kommun", "en": "Municipality"},
    "ui.col.municipalities": {"sv": "Kommuner", "en": "Municipalities"},
    "ui.col.year": {"sv": "År", "en": "Year"},
    "ui.col.years": {"sv": "År", "en": "Years"},
    "ui.col.version": {"sv": "Version", "en": "Version"},
    "ui.col.period": {"sv": "Vanlig period", "en": "Usual period"},
    "ui.col.score_sets": {"sv": "Poänguppsättningar", "en": "Score sets"},
    "ui.col.self_sets": {"sv": "varav egen analys", "en": "of which self-assessment"},
    "ui.col.with_areas": {"sv": "med områdespoäng", "en": "with area scores"},
    "ui.col.known": {"sv": "Kända utvärderingar", "en": "Known evaluations"},
    "ui.col.kind": {"sv": "Typ", "en": "Kind"},
    "ui.col.change": {"sv": "Förändring inom versionen", "en": "Change within the version"},
    "ui.col.total": {"sv": "Totalt", "en": "Total"},
    "ui.col.mean": {"sv": "Medelvärde", "en": "Mean"},
    "ui.col.median": {"sv": "Median", "en": "Median"},
    "ui.fig.score": {"sv": "Poäng", "en": "Score"},
    "ui.fig.points": {"sv": "Poäng", "en": "Points"},
    "ui.fig.area": {"sv": "Område", "en": "Area"},
    "ui.fig.version": {"sv": "version", "en": "version"},
    "ui.fig.year": {"sv": "År", "en": "Year"},
    "ui.fig.peer_mean": {"sv": "Medelvärde, jämförbara kommuner", "en": "Mean of comparable municipalities"},
    "ui.fig.peer_mean_n": {"sv": "Medelvärde, jämförbara kommuner (n = {n})", "en": "Mean of comparable municipalities (n = {n})"},
    "ui.fig.peer_mean_group_n": {
        "sv": "Medelvärde, jämförbara kommuner ({group}; n = {n})",
        "en": "Mean of comparable municipalities ({group}; n = {n})",
    },
    "ui.fig.reference": {"sv": "Publicerat: {name}", "en": "Published: {name}"},
    "ui.fig.percent_of_max": {"sv": "Andel av maxpoäng", "en": "Share of maximum"},
    "ui.fig.segment": {"sv": "{name} · version {version}", "en": "{name} · version {version}"},
    "ui.fig.revision": {"sv": "Version {version} från {year}", "en": "Version {version} from {year}"},
    "ui.fig.revision_between": {
        "sv": "Ny version {version}: jämförs inte över linjen",
        "en": "New version {version}: not compared across the line",
    },
    "ui.fig.change": {"sv": "Förändring inom versionen: {change}", "en": "Change within the version: {change}"},
    "ui.fig.change_first": {"sv": "Första mätningen i versionen", "en": "First measurement in this version"},
    "ui.overview.intro": {
        "sv": "Kommunkompassen är SKR:s verktyg för att utvärdera hur en kommun leds och styrs: 8 huvudområden, 0–100 poäng vardera, totalt 0–800. Här finns de poäng som har publicerats, med källa.",
        "en": "Kommunkompassen is SKR's instrument for evaluating how a municipality is led and governed: 8 main areas, 0–100 points each, 0–800 in total. Here are the scores that have been published, with their sources.",
    },
    "ui.overview.holds": {"sv": "Vad data innehåller", "en": "What the data holds"},
    "ui.overview.holds_caption": {
        "sv": "Totalt {sets} poänguppsättningar (en kommun, en utvärdering, en version) från {munis} kommuner. Kända utvärderingar inkluderar de vars poäng inte har hittats.",
        "en": "{sets} score sets in all (one municipality, one evaluation, one version) from {munis} municipalities. Known evaluations include those whose scores have not been found.",
    },
    "ui.overview.map": {"sv": "Karta", "en": "Map"},
    "ui.overview.ways_in": {"sv": "Vidare", "en": "Where next"},
    "ui.overview.link_profile": {"sv": "Kommunprofil: {name} mot jämförbara kommuner", "en": "Municipality profile: {name} against comparable municipalities"},
    "ui.overview.link_trend": {"sv": "Utveckling: {name} över åren", "en": "Trend: {name} over the years"},
    "ui.overview.link_compare": {"sv": "Jämför kommuner inom en version", "en": "Compare municipalities within a version"},
    "ui.overview.link_distribution": {"sv": "Fördelning och topplista per version", "en": "Distribution and top list per version"},
    "ui.overview.link_export": {"sv": "Ladda ner data (CSV, Excel, Parquet)", "en": "Download data (CSV, Excel, Parquet)"},
    "ui.overview.link_upload": {"sv": "Lägg till egna data för den här sessionen", "en": "Add your own data for this session"},
    "ui.map.colour_by": {"sv": "Färga kommunerna efter", "en": "Colour municipalities by"},
    "ui.map.mode_total": {"sv": "Totalpoäng i en version", "en": "Total score in a version"},
    "ui.map.mode_known": {"sv": "Antal kända utvärderingar", "en": "Number of known evaluations"},
    "ui.map.value_total": {"sv": "Totalpoäng (version {version})", "en": "Total (version {version})"},
    "ui.map.value_known": {"sv": "Kända utvärderingar", "en": "Known evaluations"},
    "ui.map.detail_total": {"sv": "Senaste utvärdering med totalpoäng: {year}, version {version}", "en": "Latest evaluation with a total: {year}, version {version}"},
    "ui.map.detail_known": {"sv": "År: {years}", "en": "Years: {years}"},
    "ui.map.table": {"sv": "Kartan som tabell", "en": "The map as a table"},
    "ui.map.sentence_total": {
        "sv": "{n} av {total} kommuner har en publicerad totalpoäng i version {version} (den senaste per kommun): från {low} till {high}, median {median}; högst har {top}. Övriga {missing} är grå: uppgift saknas, inte noll.",
        "en": "{n} of {total} municipalities have a published total in version {version} (the latest per municipality): from {low} to {high}, median {median}; highest is {top}. The other {missing} are grey: no data, not zero.",
    },
    "ui.map.sentence_known": {
        "sv": "{n} av {total} kommuner har minst en känd utvärdering (från {low} till {high} stycken; flest har {top}). Övriga {missing} är grå: ingen känd utvärdering i källorna, vilket inte betyder att ingen har gjorts.",
        "en": "{n} of {total} municipalities have at least one known evaluation ({low} to {high}; most: {top}). The other {missing} are grey: none known in the sources, which does not mean none was made.",
    },
    "ui.map.sentence_empty": {
        "sv": "Ingen av de {total} kommunerna har ett värde här; alla är grå (uppgift saknas).",
        "en": "None of the {total} municipalities has a value here; all are grey (no data).",
    },
    "ui.map.value_n": {"sv": "{title}, n = {n}", "en": "{title}, n = {n}"},
    "ui.map.click": {
        "sv": "Klicka på en kommun med poäng för att öppna dess kommunprofil; håll muspekaren över en kommun för att se vad som är känt.",
        "en": "Click a municipality with scores to open its profile; hover over a municipality to see what is known.",
    },
    "ui.map.no_profile": {
        "sv": "{name} har inga publicerade poäng, så det finns ingen profil att öppna ({known}).",
        "en": "{name} has no published scores, so there is no profile to open ({known}).",
    },
    "ui.map.alt": {"sv": "Karta över {region}: kommunerna färgade efter {value}", "en": "Map of {region}: municipalities coloured by {value}"},
    "ui.map.sweden": {"sv": "Sverige", "en": "Sweden"},
    "ui.region.score_item": {"sv": "version {version}: {year}, total {total}", "en": "version {version}: {year}, total {total}"},
    "ui.region.scores": {"sv": "Publicerade poäng: {items}", "en": "Published scores: {items}"},
    "ui.region.no_scores": {"sv": "inga publicerade poäng", "en": "no published scores"},
    "ui.region.known": {"sv": "kända utvärderingar: {items}", "en": "known evaluations: {items}"},
    "ui.region.none_known": {"sv": "inga kända utvärderingar", "en": "no known evaluations"},
    "ui.region.year_unknown": {"sv": "år okänt", "en": "year unknown"},
    "ui.region.col_scores": {"sv": "Senaste poäng per version", "en": "Latest scores per version"},
    "ui.region.col_known": {"sv": "Kända utvärderingar (version)", "en": "Known evaluations (version)"},
    "ui.region.heading": {"sv": "{region} i korthet", "en": "{region} at a glance"},
    "ui.region.caption": {
        "sv": "Varje kommun i urvalet ({total}): {with_scores} har publicerade poäng och {known} har kända utvärderingar. \"Uppgift saknas\" betyder att källorna inte har något, inte noll.",
        "en": "Every municipality in the selection ({total}): {with_scores} have published scores and {known} have known evaluations. \"No data\" means the sources have nothing, not zero.",
    },
    "ui.region.table_alt": {"sv": "Kommunerna i {region} med senaste poäng och kända utvärderingar", "en": "The municipalities of {region} with latest scores and known evaluations"},
    "ui.region.profiles": {"sv": "Kommunprofiler i urvalet:", "en": "Municipality profiles in the selection:"},
    "ui.region.active": {"sv": "Urval: {region}.", "en": "Selection: {region}."},
    "ui.region.empty": {
        "sv": "Inga utvärderingar i version {version} för {region}. Välj en annan version, ett annat län eller en annan kommungrupp.",
        "en": "No evaluations in version {version} for {region}. Choose another version, county or municipality group.",
    },
    "ui.region.none_trend": {
        "sv": "Ingen kommun i {region} har publicerade poäng. Välj ett annat län eller en annan kommungrupp.",
        "en": "No municipality in {region} has published scores. Choose another county or municipality group.",
    },
    "ui.placeholder.choose": {"sv": "Välj …", "en": "Choose …"},
    "ui.profile.peer_filters": {"sv": "Jämförelsegrupp (samma version alltid)", "en": "Peer group (always the same version)"},
    "ui.profile.peer_filters_active": {
        "sv": "Jämförelsegrupp: {group} (samma version alltid)",
        "en": "Peer group: {group} (always the same version)",
    },
    "ui.profile.with_self": {"sv": "med egna analyser", "en": "with self-assessments"},
    "ui.profile.show_refs": {"sv": "Visa publicerade referensvärden för versionen", "en": "Show published reference values of the version"},
    "ui.profile.refs_help": {
        "sv": "Medelvärden och medianer som SKR eller kommuner har publicerat. De visas bredvid, blandas aldrig in i det beräknade medelvärdet.",
        "en": "Means and medians published by SKR or municipalities. Shown beside, never mixed into the computed mean.",
    },
    "ui.profile.refs_table": {"sv": "Publicerade referensvärden", "en": "Published reference values"},
    "ui.profile.peer_rule": {
        "sv": "Medelvärdet räknas över andra kommuner bedömda med version {version}: SKR:s utvärderingar (egna analyser bara om du kryssar i det), varje kommun en gång med sin senaste utvärdering. n visar hur många det bygger på.",
        "en": "The mean is taken over other municipalities scored with version {version}: SKR evaluations (self-assessments only if you tick it), each municipality once with its latest evaluation. n shows how many it rests on.",
    },
    "ui.profile.no_peers": {
        "sv": "Det finns inga andra kommuner med poäng i version {version} och dessa filter, så det finns inget medelvärde att jämföra med. Ta bort ett filter.",
        "en": "No other municipality has scores in version {version} with these filters, so there is no mean to compare with. Remove a filter.",
    },
    "ui.profile.percentile_caption": {
        "sv": "Percentil: andel jämförbara kommuner med lägre poäng; lika räknas till hälften. Visas inte (–) när n < {n}.",
        "en": "Percentile: share of comparable municipalities with a lower score; ties count as half. Not shown (–) when n < {n}.",
    },
    "ui.profile.only_total": {
        "sv": "För den här utvärderingen är bara totalpoängen publicerad, inga områdespoäng. Därför visas ingen radar; tabellen jämför totalen.",
        "en": "Only the total is published for this evaluation, no area scores. So there is no radar; the table compares the total.",
    },
    "ui.profile.some_areas": {
        "sv": "Bara {n} av 8 områden är publicerade för den här utvärderingen; de övriga saknas i radarn (inte noll).",
        "en": "Only {n} of 8 areas are published for this evaluation; the others are missing from the radar (not zero).",
    },
    "ui.profile.radar_sentence": {
        "sv": "{label} ligger över medelvärdet för jämförbara kommuner (version {version}{group}, n = {n}) i {above} av {compared} områden, under i {below} och lika i {same}.",
        "en": "{label} is above the mean of comparable municipalities (version {version}{group}, n = {n}) in {above} of {compared} areas, below in {below} and equal in {same}.",
    },
    "ui.profile.above": {"sv": "Längst över medelvärdet", "en": "Furthest above the mean"},
    "ui.profile.below": {"sv": "Längst under medelvärdet", "en": "Furthest below the mean"},
    "ui.profile.furthest_line": {
        "sv": "{code}. {label}: {score} mot {mean} ({diff}, n = {n})",
        "en": "{code}. {label}: {score} against {mean} ({diff}, n = {n})",
    },
    "ui.profile.subareas": {"sv": "Delområden (andel av maxpoäng)", "en": "Sub-areas (share of maximum)"},
    "ui.profile.subareas_caption": {
        "sv": "{n} delområden, varje stapel är uppnådd poäng delat med delområdets max; siffrorna står på staplarna. Delområdena kan summera till något annat än områdespoängen på grund av avrundning.",
        "en": "{n} sub-areas; each bar is the points achieved divided by the sub-area's maximum, with the figures written on the bars. Sub-areas can add up to slightly more or less than the area score because of rounding.",
    },
    "ui.profile.subareas_table": {"sv": "Delområden som tabell", "en": "Sub-areas as a table"},
    "ui.profile.peers_table": {"sv": "Kommunerna i medelvärdet", "en": "The municipalities in the mean"},
    "ui.profile.peers_used": {
        "sv": "Kommunerna i medelvärdet ({n} kommuner, {sets} utvärderingar)",
        "en": "The municipalities in the mean ({n} municipalities, {sets} evaluations)",
    },
    "ui.profile.peers_caption": {
        "sv": "Varje kommun räknas en gång per område och för totalen, med sin senaste utvärdering som har värdet. En kommun kan därför stå två gånger, med olika år för olika områden; kolumnen Räknas in i säger vilka.",
        "en": "Each municipality counts once per area and for the total, with its latest evaluation that has the value. So a municipality can appear twice, with different years for different areas; the column Counted in says which.",
    },
    "ui.trend.rule": {
        "sv": "Varje version av instrumentet ritas som en egen linje. Den streckade lodräta linjen markerar en revision: poängen på var sin sida går inte att jämföra och ingen förändring räknas över den. Ihåliga punkter är egna analyser.",
        "en": "Each instrument version is drawn as its own line. The dashed vertical line marks a revision: scores on either side cannot be compared and no change is computed across it. Hollow points are self-assessments.",
    },
    "ui.trend.area_names_differ": {
        "sv": "Område {code} heter olika i versionerna: {names}. Samma nummer är inte samma område; jämför bara inom en version.",
        "en": "Area {code} has different names in the versions: {names}. The same number is not the same area; compare only within one version.",
    },
    "ui.trend.area_name_in": {"sv": "{name} (version {versions})", "en": "{name} (version {versions})"},
    "ui.trend.pick_one": {"sv": "Välj minst en kommun.", "en": "Choose at least one municipality."},
    "ui.trend.no_values": {"sv": "Inga värden för {item}: {names}.", "en": "No values for {item}: {names}."},
    "ui.trend.segment_sentence": {"sv": "version {version}: {points}", "en": "version {version}: {points}"},
    "ui.trend.sentence_one": {"sv": "{name}: {segments}.", "en": "{name}: {segments}."},
    "ui.trend.sentence_many": {
        "sv": "{name}: {segments}. Versionerna jämförs inte med varandra.",
        "en": "{name}: {segments}. The versions are not compared with each other.",
    },
    "ui.trend.legend": {
        "sv": "Fyllda punkter: SKR:s utvärdering. Ihåliga punkter: egen analys. Varje kommun har egen färg och egen punktform.",
        "en": "Filled points: SKR evaluation. Hollow points: self-assessment. Each municipality has its own colour and marker shape.",
    },
    "ui.trend.year_note": {"sv": "Vald utvärdering i länken: {year}.", "en": "Evaluation chosen in the link: {year}."},
    "ui.yes": {"sv": "ja", "en": "yes"},
    "ui.no": {"sv": "nej", "en": "no"},
    "ui.col.rank": {"sv": "Plats", "en": "Rank"},
    "ui.compare.why": {
        "sv": "Bara utvärderingar bedömda med version {version} kan väljas: poäng från olika versioner går inte att jämföra. Byt version ovan för att jämföra andra år.",
        "en": "Only evaluations scored with version {version} can be chosen: scores from different versions cannot be compared. Change the version above to compare other years.",
    },
    "ui.compare.pick_sets": {"sv": "Utvärderingar i version {version}", "en": "Evaluations in version {version}"},
    "ui.compare.pick_some": {"sv": "Välj minst en utvärdering.", "en": "Choose at least one evaluation."},
    "ui.compare.focus": {"sv": "Fokus (visas först)", "en": "Focus (shown first)"},
    "ui.compare.view": {"sv": "Visa som", "en": "Show as"},
    "ui.compare.view_bars": {"sv": "Staplar", "en": "Bars"},
    "ui.compare.view_radar": {"sv": "Radar", "en": "Radar"},
    "ui.compare.heatmap": {"sv": "Områden × utvärderingar", "en": "Areas × evaluations"},
    "ui.compare.only_totals": {
        "sv": "Inga områdespoäng är publicerade för de valda utvärderingarna, bara totaler; tabellen visar dem.",
        "en": "No area scores are published for the chosen evaluations, only totals; the table shows them.",
    },
    "ui.compare.sentence": {
        "sv": "{evaluations}. Högst totalpoäng: {best} ({best_total}); lägst: {worst} ({worst_total}). {missing} saknar publicerad total.",
        "en": "{evaluations}. Highest total: {best} ({best_total}); lowest: {worst} ({worst_total}). {missing} have no published total.",
    },
    "ui.compare.sentence_no_total": {
        "sv": "{evaluations}, ingen med publicerad totalpoäng.",
        "en": "{evaluations}, none with a published total.",
    },
    "ui.compare.sorted": {
        "sv": "Ordning: {focus} först, sedan efter totalpoäng (högst först, saknade sist). –: ingen publicerad poäng (uppgift saknas, inte noll).",
        "en": "Order: {focus} first, then by total (highest first, missing last). –: no published score (no data, not zero).",
    },
    "ui.compare.alt_chart": {"sv": "De valda utvärderingarnas poäng per område, version {version}", "en": "The chosen evaluations' scores per area, version {version}"},
    "ui.compare.alt_heatmap": {"sv": "Värmekarta: områden mot utvärderingar, varje cell med sin poäng", "en": "Heat map: areas against evaluations, each cell with its score"},
    "ui.compare.heatmap_caption": {
        "sv": "Raderna är områdena 1–8 (namnen står i tabellen nedan), kolumnerna utvärderingarna med fokus först; varje cell har sin poäng utskriven, – betyder att poängen inte är publicerad.",
        "en": "Rows are areas 1–8 (named in the table below), columns the evaluations with the focus first; each cell has its score written in, – means the score is not published.",
    },
    "ui.compare.alt_table": {"sv": "Poäng per område för de valda utvärderingarna, version {version}", "en": "Scores per area for the chosen evaluations, version {version}"},
    "ui.dist.rule": {
        "sv": "SKR:s utvärderingar bedömda med version {version}; egna analyser ingår inte. Varje punkt är en kommun, med sin senaste utvärdering som har värdet.",
        "en": "SKR evaluations scored with version {version}; self-assessments are left out. Each point is one municipality, with its latest evaluation that has the value.",
    },
    "ui.dist.rule_self": {
        "sv": "SKR:s utvärderingar och egna analyser bedömda med version {version}. Varje punkt är en kommun, med sin senaste utvärdering som har värdet (SKR:s före en egen analys samma år).",
        "en": "SKR evaluations and self-assessments scored with version {version}. Each point is one municipality, with its latest evaluation that has the value (SKR's before a self-assessment of the same year).",
    },
    "ui.dist.empty": {"sv": "Inga utvärderingar i version {version}.", "en": "No evaluations in version {version}."},
    "ui.dist.areas": {"sv": "Områden", "en": "Areas"},
    "ui.dist.total": {"sv": "Totalpoäng", "en": "Total"},
    "ui.dist.no_areas": {
        "sv": "Inga områdespoäng är publicerade i version {version}, bara totaler.",
        "en": "No area scores are published in version {version}, only totals.",
    },
    "ui.dist.caption": {
        "sv": "{sets} av {munis} i version {version}. Varje kommun räknas en gång per område, med sin senaste utvärdering som har värdet. Lådan visar kvartilerna och medianen; tabellen säger detsamma i siffror, n är antalet kommuner.",
        "en": "{sets} of {munis} in version {version}. Each municipality counts once per area, with its latest evaluation that has the value. The box shows the quartiles and the median; the table says the same in figures, n is the number of municipalities.",
    },
    "ui.dist.thin": {
        "sv": "n < {n}: färre än {n} kommuner för {items}. En fördelning av så få kommuner är inget riktmärke.",
        "en": "n < {n}: fewer than {n} municipalities for {items}. A distribution of so few municipalities is no benchmark.",
    },
    "ui.dist.none": {
        "sv": "Inga värden (n = 0) i version {version} för: {items}. De står tomma i diagrammet och finns inte i topplistan.",
        "en": "No values (n = 0) in version {version} for: {items}. They stand empty in the chart and are left out of the ranking.",
    },
    "ui.dist.rank_none": {
        "sv": "Inga värden för {item} i version {version}, så ingen topplista för det området; välj ett annat.",
        "en": "No values for {item} in version {version}, so no ranking for that area; choose another.",
    },
    "ui.dist.ranking": {"sv": "Topplista", "en": "Ranking"},
    "ui.dist.ranking_caption": {
        "sv": "{municipalities} med {item}, varje kommun med sin senaste utvärdering som har värdet. Lika poäng delar plats.",
        "en": "{municipalities} with {item}, each with its latest evaluation that has the value. Equal scores share a rank.",
    },
    "ui.dist.inspiration": {"sv": "Inspiration: högst per område", "en": "Inspiration: highest per area"},
    "ui.dist.inspiration_caption": {
        "sv": "De tre högsta per område i versionen (SKR:s utvärderingar), som rapporterna nämner kommuner att inspireras av.",
        "en": "The three highest per area in the version (SKR evaluations), as the reports name municipalities to learn from.",
    },
    "ui.dist.alt_areas": {"sv": "Fördelningen av poängen per område i version {version}, en punkt per kommun", "en": "The distribution of scores per area in version {version}, one point per municipality"},
    "ui.dist.alt_total": {"sv": "Fördelningen av totalpoängen i version {version}, en punkt per kommun", "en": "The distribution of totals in version {version}, one point per municipality"},
    "ui.dist.alt_table": {"sv": "n, medelvärde, median, min och max per område, version {version}", "en": "n, mean, median, min and max per area, version {version}"},
    "ui.dist.alt_ranking": {"sv": "Topplista för {item}, version {version}", "en": "Ranking for {item}, version {version}"},
    "ui.dist.ranking_thin": {
        "sv": "Bara {municipalities} har värdet här: för få för en topplista (minst {min}), så nedan står bara listan.",
        "en": "Only {municipalities} have the value here: too few for a ranking (at least {min}), so below is just the list.",
    },
    "ui.dist.focus_marked": {"sv": "★ och färgad rad: {name}.", "en": "★ and a coloured row: {name}."},
    "ui.dist.inspiration_thin": {
        "sv": "Färre än {min} kommuner har värden i område {items}: ingen topp 3 där, bara listan med n (kolumnen n).",
        "en": "Fewer than {min} municipalities have values in area {items}: no top 3 there, only the list with n (column n).",
    },
    "ui.dist.inspiration_thin_alt": {"sv": "Områden med för få kommuner för en topplista", "en": "Areas with too few municipalities for a top list"},
    "ui.trend.alt": {"sv": "{item} över åren, en linje per kommun och version", "en": "{item} over the years, one line per municipality and version"},
    "ui.trend.alt_table": {"sv": "{item} per år, version och typ, med förändring inom versionen", "en": "{item} per year, version and kind, with the change within the version"},
    "ui.overview.holds_alt": {"sv": "Antal utvärderingar med poäng per år, en färg och ett mönster per version", "en": "Evaluations with scores per year, one colour and pattern per version"},
    "ui.profile.radar_alt": {"sv": "Radar: {label} mot medelvärdet i version {version}, område 1–8", "en": "Radar: {label} against the mean in version {version}, areas 1–8"},
    "ui.profile.subareas_alt": {"sv": "Delområdena för {label} i procent av sitt maximum", "en": "The sub-areas of {label} as a percentage of their maximum"},
    "ui.samband.alt": {"sv": "Poäng mot Kolada-indikatorn {kpi}, en punkt per utvärdering, en panel per version", "en": "Scores against the Kolada indicator {kpi}, one point per evaluation, one panel per version"},
    "ui.export.intro": {
        "sv": "Välj urval, granska förhandsvisningen och ladda ner. Filen kommer i ett zip-arkiv med kodbok (datapackage.json) och källor; texter som ett kalkylprogram skulle köra som formler oskadliggörs.",
        "en": "Choose a selection, check the preview and download. The file comes in a zip with a codebook (datapackage.json) and sources; texts a spreadsheet would run as formulas are neutralised.",
    },
    "ui.export.all_versions": {"sv": "Alla versioner", "en": "All versions"},
    "ui.export.all_kinds": {"sv": "Alla typer", "en": "All kinds"},
    "ui.export.all_munis": {"sv": "Alla kommuner", "en": "All municipalities"},
    "ui.export.level": {"sv": "Nivå", "en": "Level"},
    "ui.export.level_all": {"sv": "Alla nivåer", "en": "All levels"},
    "ui.export.level_total": {"sv": "Totalpoäng", "en": "Total"},
    "ui.export.level_area": {"sv": "Huvudområden", "en": "Main areas"},
    "ui.export.level_subarea": {"sv": "Delområden", "en": "Sub-areas"},
    "ui.export.years": {"sv": "År", "en": "Years"},
    "ui.export.format": {"sv": "Format", "en": "Format"},
    "ui.export.preview": {"sv": "Förhandsvisning: {rows} rader", "en": "Preview: {rows} rows"},
    "ui.export.empty": {"sv": "Urvalet ger inga rader. Ta bort ett filter.", "en": "The selection gives no rows. Remove a filter."},
    "ui.export.mixed_versions": {
        "sv": "Urvalet innehåller {n} versioner av instrumentet. Poäng är jämförbara bara inom en version: använd kolumnen instrument_version.",
        "en": "The selection holds {n} instrument versions. Scores are comparable only within one version: use the column instrument_version.",
    },
    "ui.export.session_note": {
        "sv": "Exporten innehåller också dina egna data från den här sessionen.",
        "en": "The export also contains your own data from this session.",
    },
    "ui.export.download": {"sv": "Ladda ner {rows} rader ({fmt}, zip)", "en": "Download {rows} rows ({fmt}, zip)"},
    "ui.export.contents": {
        "sv": "Zip-arkivet innehåller kommunkompassen.{fmt}, datapackage.json (kolumner, urval, licenser, källor), README.txt (så citerar du) och SOURCES.md.",
        "en": "The zip holds kommunkompassen.{fmt}, datapackage.json (columns, filters, licences, sources), README.txt (how to cite) and SOURCES.md.",
    },
    "ui.upload.intro": {
        "sv": "Ladda upp en tabell (CSV eller Excel) i de kanoniska kolumnerna, eller en rapport (PDF eller text). Du får en granskning rad för rad; giltiga poänguppsättningar kan du sedan lägga till och se på alla sidor.",
        "en": "Upload a table (CSV or Excel) in the canonical columns, or a report (PDF or text). You get a row-by-row check; valid score sets can then be added and seen on every page.",
    },
    "ui.upload.private": {
        "sv": "Dina data finns bara i den här webbläsarsessionen: de sparas aldrig i datamängden och syns inte för någon annan. De försvinner när du stänger fliken.",
        "en": "Your data lives only in this browser session: it is never saved to the dataset and nobody else sees it. It is gone when you close the tab.",
    },
    "ui.upload.format": {"sv": "Vilka kolumner?", "en": "Which columns?"},
    "ui.upload.format_help": {
        "sv": "En rad per publicerad siffra. Obligatoriskt: kommunkod, year, instrument_version (pre-2010, 2010, 2016, 2020), evaluation_kind (full eller self), level (total, area, subarea), code, score och source. Semikolon och decimalkomma går bra.",
        "en": "One row per published number. Required: kommunkod, year, instrument_version (pre-2010, 2010, 2016, 2020), evaluation_kind (full or self), level (total, area, subarea), code, score and source. Semicolons and decimal commas are fine.",
    },
    "ui.upload.file": {"sv": "Fil (CSV, XLSX, PDF eller TXT, högst {mb} MB)", "en": "File (CSV, XLSX, PDF or TXT, at most {mb} MB)"},
    "ui.upload.limit": {
        "sv": "En fil större än {mb} MB tas inte emot (den markeras då med rött i fältet ovan). Dela upp en stor tabell i flera filer; en tabell kan ha högst {rows} rader.",
        "en": "A file larger than {mb} MB is not accepted (it is then marked red in the field above). Split a large table into several files; a table can have at most {rows} rows.",
    },
    "ui.upload.paste": {
        "sv": "…eller klistra in en tabell (CSV) eller rapporttext (högst {mb} MB)",
        "en": "…or paste a table (CSV) or report text (at most {mb} MB)",
    },
    "ui.upload.paste_hint": {
        "sv": "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note",
        "en": "kommunkod,municipality,year,instrument_version,evaluation_kind,level,code,label_published,score,max_score,source,note",
    },
    "ui.upload.no_ingest": {
        "sv": "Inläsning av rapporter finns inte i den här installationen. Ladda upp en tabell i stället.",
        "en": "Reading reports is not available in this installation. Upload a table instead.",
    },
    "ui.upload.report_title": {"sv": "Granskning: {name}", "en": "Check: {name}"},
    "ui.upload.flags": {
        "sv": "{n} flaggor: siffror i rapporten som inte stämmer med varandra. Kontrollera dem mot rapporten innan du lägger till.",
        "en": "{n} flags: figures in the report that disagree with each other. Check them against the report before adding.",
    },
    "ui.upload.col_where": {"sv": "Var", "en": "Where"},
    "ui.upload.col_row": {"sv": "Rad", "en": "Row"},
    "ui.upload.col_column": {"sv": "Kolumn", "en": "Column"},
    "ui.upload.col_problem": {"sv": "Problem och åtgärd", "en": "Problem and fix"},
    "ui.upload.col_areas": {"sv": "Områden", "en": "Areas"},
    "ui.upload.col_subareas": {"sv": "Delområden", "en": "Sub-areas"},
    "ui.upload.col_replaces": {"sv": "Ersätter publicerade data", "en": "Replaces published data"},
    "ui.upload.problems": {
        "sv": "{n} problem, med rad (som i kalkylbladet, rubrikraden är rad 1), kolumn och åtgärd:",
        "en": "{n} problems, with row (as in the spreadsheet, the header is row 1), column and fix:",
    },
    "ui.upload.nothing_added": {"sv": "Inget har lagts till.", "en": "Nothing was added."},
    "ui.upload.valid": {
        "sv": "Giltigt: {rows} rader i {sets} poänguppsättningar.",
        "en": "Valid: {rows} rows in {sets} score sets.",
    },
    "ui.upload.add": {"sv": "Lägg till i min session", "en": "Add to my session"},
    "ui.upload.added": {
        "sv": "Tillagt. Poänguppsättningarna syns nu på alla sidor i den här sessionen.",
        "en": "Added. The score sets now show on every page in this session.",
    },
    "ui.upload.session_title": {"sv": "Egna data i den här sessionen", "en": "Your data in this session"},
    "ui.upload.session_empty": {"sv": "Inga ännu.", "en": "None yet."},
    "ui.upload.session_count": {"sv": "{n} poänguppsättningar från dina filer.", "en": "{n} score sets from your files."},
    "ui.upload.remove": {"sv": "Ta bort {name}", "en": "Remove {name}"},
    # --- the benchmark report (report.py, templates/report.html) ------------------
    "report.title": {"sv": "Kommunkompassen: {name}", "en": "Kommunkompassen: {name}"},
    "report.made": {"sv": "Framtagen", "en": "Made"},
    "report.made_by": {"sv": "Rapporten togs fram {made} ur dataversion {data_version}.", "en": "Report made on {made} from data version {data_version}."},
    "report.data_version": {"sv": "Dataversion", "en": "Data version"},
    "report.page": {"sv": "Sida", "en": "Page"},
    "report.version_n": {"sv": "Version {version}", "en": "Version {version}"},
    "report.rule": {
        "sv": "Poängen jämförs bara med poäng från samma version av Kommunkompassen (här version {version}): instrumentet reviderades 2010, 2016 och 2020, och en ny version ger normalt lägre poäng för samma arbetssätt.",
        "en": "Scores are compared only with scores from the same version of Kommunkompassen (here version {version}): the instrument was revised in 2010, 2016 and 2020, and a new version normally scores the same practice lower.",
    },
    "report.h_profile": {"sv": "Profil mot jämförelsegruppen", "en": "Profile against the peer group"},
    "report.h_areas": {"sv": "Huvudområden", "en": "Main areas"},
    "report.h_references": {"sv": "Publicerade referensvärden för versionen", "en": "Published reference values of the version"},
    "report.h_subareas": {"sv": "Delområden, svagast först", "en": "Sub-areas, weakest first"},
    "report.h_trend": {"sv": "Utveckling, en version i taget", "en": "Development, one version at a time"},
    "report.h_findings": {"sv": "Styrkor och förbättringsmöjligheter", "en": "Strengths and improvement areas"},
    "report.h_method": {"sv": "Metod", "en": "Method"},
    "report.h_sources": {"sv": "Källor", "en": "Sources"},
    "report.group_version": {"sv": "kommuner utvärderade med version {version}", "en": "municipalities evaluated with version {version}"},
    "report.peer_series": {"sv": "Medelvärde, {group} (n = {n})", "en": "Mean, {group} (n = {n})"},
    "report.reference_series": {"sv": "Publicerat: {statistic} {year}, {population}", "en": "Published: {statistic} {year}, {population}"},
    "report.chart_title": {"sv": "{name} · version {version} mot {group}", "en": "{name} · version {version} against {group}"},
    "report.trend_title": {"sv": "{name}: totalpoäng per version", "en": "{name}: total score per version"},
    "report.summary": {
        "sv": "Över jämförelsevärdet i {above} och under i {below} av {counted} områden med minst {n} jämförbara kommuner ({left_out} områden med färre räknas inte).",
        "en": "Above the comparator in {above} and below in {below} of {counted} areas with at least {n} peer municipalities ({left_out} areas with fewer are not counted).",
    },
    "report.summary_none": {
        "sv": "Inget område har minst {n} jämförbara kommuner, så inget område räknas som över eller under ett medelvärde.",
        "en": "No area has at least {n} peer municipalities, so no area is counted as above or below a mean.",
    },
    "report.total_position": {
        "sv": "Totalpoängen är plats {rank} av {n} bland SKR:s utvärderingar med version {version}.",
        "en": "The total ranks {rank} of {n} among SKR's evaluations with version {version}.",
    },
    "report.radar_caption": {
        "sv": "Poäng per huvudområde (0–100) mot medelvärdet för {group}. Medelvärden av färre än {n} kommuner är inga riktmärken: tabellen nedan namnger dem.",
        "en": "Score per main area (0–100) against the mean of {group}. Means of fewer than {n} municipalities are no benchmarks: the table below names them.",
    },
    "report.source_line": {"sv": "Källa: SKR Kommunkompassen; sammanställning: {product}.", "en": "Source: SKR Kommunkompassen; compiled by {product}."},
    "report.only_total": {"sv": "Bara totalpoängen är publicerad för den här utvärderingen.", "en": "Only the total is published for this evaluation."},
    "report.col_comparator": {"sv": "Jämförelse", "en": "Comparator"},
    "report.col_basis": {"sv": "Bygger på", "en": "Based on"},
    "report.col_subarea": {"sv": "Delområde", "en": "Sub-area"},
    "report.col_position": {"sv": "Placering inom versionen", "en": "Position within the version"},
    "report.mean_of_n": {"sv": "medelvärde av {n} kommuner", "en": "mean of {n} municipalities"},
    "report.against_named": {"sv": "mot {names} (för få för ett medelvärde)", "en": "against {names} (too few for a mean)"},
    "report.no_comparator": {"sv": "ingen jämförbar kommun", "en": "no peer municipality"},
    "report.areas_caption": {
        "sv": "Skillnad visas bara där jämförelsen bygger på minst {n} kommuner. Flaggor står vid talen de gäller.",
        "en": "Differences are shown only where the comparison rests on at least {n} municipalities. Flags stand beside the numbers they concern.",
    },
    "report.references_caption": {
        "sv": "Publicerade referensvärden visas bredvid; de blandas aldrig in i det beräknade medelvärdet.",
        "en": "Published reference values are shown beside; they are never mixed into the computed mean.",
    },
    "report.subareas_caption": {
        "sv": "{n} delområden ordnade efter andel av maxpoängen, lägst först.",
        "en": "{n} sub-areas ordered by share of the maximum, lowest first.",
    },
    "report.trend_caption": {
        "sv": "Varje version är en egen serie. Förändring räknas bara mellan två SKR-utvärderingar i samma version; placeringen säger var totalen står bland versionens utvärderingar.",
        "en": "Each version is a series of its own. A change is computed only between two SKR evaluations in the same version; the position says where the total stands among the version's evaluations.",
    },
    "report.trend_chart_caption": {
        "sv": "Linjerna binds aldrig ihop över en revision. Ihåliga punkter är egna analyser.",
        "en": "Lines are never joined across a revision. Hollow points are self-assessments.",
    },
    "report.position": {"sv": "plats {rank} av {n} (version {version})", "en": "{rank} of {n} (version {version})"},
    "report.revision": {"sv": "Version {version}", "en": "Version {version}"},
    "report.strengths": {"sv": "Styrkor", "en": "Strengths"},
    "report.improvements": {"sv": "Förbättringsmöjligheter", "en": "Improvement areas"},
    "report.method_peers": {
        "sv": "Jämförelsegrupp: {group}. Varje kommun räknas en gång, med sin senaste SKR-utvärdering i versionen; kommunen själv räknas inte; egna analyser räknas inte. Där färre än {n} kommuner finns namnges de i stället för att kallas medelvärde.",
        "en": "Peer group: {group}. Each municipality counts once, with its latest SKR evaluation in the version; the municipality itself does not count; self-assessments do not count. Where fewer than {n} municipalities exist they are named instead of being called a mean.",
    },
    "report.method_versions": {
        "sv": "Versioner jämförs inte: instrumentet ändrades vid varje revision, så en skillnad över en revision säger inget om förändrat arbetssätt. Över en revision visas i stället placeringen inom respektive version.",
        "en": "Versions are not compared: the instrument changed at each revision, so a difference across a revision says nothing about changed practice. Across a revision the position within each version is shown instead.",
    },
    "report.method_changes": {
        "sv": "Publicerade tal som inte stämmer med varandra behålls som de publicerades och flaggas.",
        "en": "Published figures that disagree are kept as published and flagged.",
    },
    "report.peers_used": {"sv": "Jämförelsekommuner ({n}):", "en": "Peer municipalities ({n}):"},
    "report.no_peers": {"sv": "Ingen annan kommun i gruppen har poäng i versionen.", "en": "No other municipality in the group has scores in the version."},
    "report.written": {"sv": "Rapport skriven: {path} ({kb} kB).", "en": "Report written: {path} ({kb} kB)."},
    "report.download": {"sv": "Ladda ner rapport (HTML, för utskrift)", "en": "Download report (HTML, printable)"},
    "report.download_help": {
        "sv": "En fristående fil: öppnas utan internet, skrivs ut på A4. Samma fil som kommandot report ger.",
        "en": "One self-contained file: opens offline, prints on A4. The same file the report command gives.",
    },
    # --- Samband (outcomes beside scores) and citable exports -------------------
    "error.unknown_kpi": {
        "sv": "Okänt nyckeltal: \"{kpi}\". Välj ett av Koladas nyckeltal i datamängden: {known}.",
        "en": "Unknown indicator: \"{kpi}\". Choose one of the Kolada indicators in the dataset: {known}.",
    },
    "error.unknown_item": {
        "sv": "Okänt område: \"{value}\". Ange total eller ett områdesnummer: {known}.",
        "en": "Unknown area: \"{value}\". Give total or an area number: {known}.",
    },
    "error.export_format_mismatch": {
        "sv": "Exporten skrivs inte: {path} slutar på \"{suffix}\", men formatet {fmt} skrivs till filer som slutar på {expected}. Byt filnamn så att det slutar på {expected}, eller välj det format som filnamnet anger med --format.",
        "en": "The export is not written: {path} ends in \"{suffix}\", but the format {fmt} is written to files ending in {expected}. Rename the file to end in {expected}, or choose the format the name says with --format.",
    },
    "problem.local_source": {
        "sv": "Källan \"{value}\" ser ut som en lokal fil. Ange en offentlig webbadress (https://…) eller en fullständig referens (utgivare, år, titel).",
        "en": "The source \"{value}\" looks like a local file. Give a public web address (https://…) or a full citation (publisher, year, title).",
    },
    "ui.page.samband": {"sv": "Samband", "en": "Outcomes"},
    "ui.samband.intro": {
        "sv": "Hänger poängen i Kommunkompassen ihop med utfall? Välj version, område och ett nyckeltal från Kolada. Varje punkt är en utvärdering av SKR (inte egna analyser): poängen på x-axeln, nyckeltalets värde samma år på y-axeln. Versionerna ritas i egna paneler och slås aldrig ihop, eftersom poäng bara är jämförbara inom en version.",
        "en": "Do Kommunkompassen scores go together with outcomes? Choose a version, an area and a Kolada indicator. Each point is one SKR evaluation (not self-assessments): the score on the x axis, the indicator's value in the same year on the y axis. Versions are drawn in panels of their own and never pooled, because scores are comparable only within one version.",
    },
    "ui.samband.all_versions": {"sv": "Alla versioner (en panel per version)", "en": "All versions (one panel per version)"},
    "ui.samband.area_n": {"sv": "Område {code} (namnet skiljer mellan versionerna)", "en": "Area {code} (the name differs between versions)"},
    "ui.samband.pick_kpi": {"sv": "Nyckeltal (Kolada)", "en": "Indicator (Kolada)"},
    "ui.samband.kpi_option": {"sv": "{kpi} {title}{area}", "en": "{kpi} {title}{area}"},
    "ui.samband.kpi_area": {"sv": " · föreslås bredvid område {area}", "en": " · proposed beside area {area}"},
    "ui.samband.kpi_context": {"sv": " · sammanhang", "en": " · context"},
    "ui.samband.panel_rho": {"sv": "n = {n} · Spearmans ρ = {rho}", "en": "n = {n} · Spearman's ρ = {rho}"},
    "ui.samband.panel_few": {"sv": "n = {n} · ingen korrelation under n = {min}", "en": "n = {n} · no correlation below n = {min}"},
    "ui.samband.panel_no_rho": {"sv": "n = {n} · ingen korrelation (ingen spridning)", "en": "n = {n} · no correlation (no spread)"},
    "ui.samband.legend_exact": {"sv": "{version}: samma år", "en": "{version}: same year"},
    "ui.samband.legend_nearest": {"sv": "{version}: närmaste år (±1)", "en": "{version}: nearest year (±1)"},
    "ui.samband.hover_nearest": {
        "sv": "Nyckeltalet saknas {year}; värdet är från {kpi_year}.",
        "en": "No value for {year}; the value is from {kpi_year}.",
    },
    "ui.samband.few": {
        "sv": "Version {version}: {n} punkter. Under {min} punkter visas punkterna men ingen korrelation: så få utvärderingar bär inte ett sådant mått.",
        "en": "Version {version}: {n} points. Below {min} points the points are shown but no correlation: so few evaluations cannot carry such a measure.",
    },
    "ui.samband.none": {
        "sv": "Version {version}: ingen utvärdering av SKR har både {item} och ett värde för {kpi} inom ett år.",
        "en": "Version {version}: no SKR evaluation has both {item} and a value of {kpi} within a year.",
    },
    "ui.samband.rho_meaning": {
        "sv": "Spearmans ρ mäter om högre poäng brukar gå med högre (ρ > 0) eller lägre (ρ < 0) värden, från −1 till 1. Det är ett samband bland de utvärderade kommunerna, inte ett orsakssamband, och inte ett urval av alla kommuner. En kommun som utvärderats två gånger ger två punkter.",
        "en": "Spearman's ρ measures whether higher scores tend to go with higher (ρ > 0) or lower (ρ < 0) values, from −1 to 1. It is an association among the evaluated municipalities, not a cause, and not a sample of all municipalities. A municipality evaluated twice gives two points.",
    },
    "ui.samband.nearest_note": {
        "sv": "{n} punkter har nyckeltalets värde från året före eller efter utvärderingen (ihåliga romber).",
        "en": "{n} points have the indicator's value from the year before or after the evaluation (hollow diamonds).",
    },
    "ui.samband.without_kpi": {
        "sv": "Utan värde inom ett år, så inte med: {names}.",
        "en": "Without a value within a year, so left out: {names}.",
    },
    "ui.samband.about_kpi": {"sv": "Om nyckeltalet", "en": "About the indicator"},
    "ui.samband.unit": {"sv": "Enhet: {unit}.", "en": "Unit: {unit}."},
    "ui.samband.proposed": {
        "sv": "Föreslås bredvid område {area} av det här projektet (inte SKR:s koppling).",
        "en": "Proposed beside area {area} by this project (not SKR's mapping).",
    },
    "ui.samband.context": {
        "sv": "Sammanhang, inte ett utfall av styrningen.",
        "en": "Context, not an outcome of governance.",
    },
    "ui.samband.caveats": {"sv": "Att tänka på: {text}", "en": "Keep in mind: {text}"},
    "ui.samband.credit": {
        "sv": "Källa: Kolada. Matchningen mot utvärderingsår och korrelationerna är det här projektets bearbetning, inte Koladas.",
        "en": "Källa: Kolada (source: Kolada). The matching to evaluation years and the correlations are this project's processing, not Kolada's.",
    },
    "ui.samband.table": {"sv": "Det som ritas", "en": "What is plotted"},
    "ui.samband.download": {"sv": "Ladda ner tabellen (CSV, {rows} rader)", "en": "Download the table (CSV, {rows} rows)"},
    "ui.samband.col_kpi_value": {"sv": "Nyckeltal", "en": "Indicator"},
    "ui.samband.col_kpi_year": {"sv": "Nyckeltalets år", "en": "Indicator year"},
    "ui.samband.col_version": {"sv": "Version", "en": "Version"},
    "ui.export.format_csv_sv": {"sv": "CSV för Excel (svenska)", "en": "CSV for Excel (Swedish)"},
    "ui.export.cite": {
        "sv": "Så citerar du: se README.txt i zip-arkivet och CITATION.cff i projektet. Poängen är publicerade fakta som sammanställts med källa för varje rad.",
        "en": "How to cite: see README.txt in the zip and CITATION.cff in the project. The scores are published facts, compiled with a source for every row.",
    },
    # --- peer groups, honest small n, like-for-like changes (issue 9) ------------
    "error.unknown_peer_group": {
        "sv": "\"{value}\" är ingen jämförelsegrupp. Använd en av: {groups}.",
        "en": "\"{value}\" is not a peer group. Use one of: {groups}.",
    },
    "error.unknown_kommungrupp_year": {
        "sv": "\"{value}\" är ingen kommungruppsindelning i datan. Använd en av: {years}.",
        "en": "\"{value}\" is not a municipality grouping in the data. Use one of: {years}.",
    },
    "error.bad_k": {
        "sv": "Antalet mest lika kommuner måste vara minst 1 (fick {value}).",
        "en": "The number of most similar municipalities must be at least 1 (got {value}).",
    },
    "peers.group.version": {"sv": "Alla i versionen", "en": "Everyone in the version"},
    "peers.group.kommungrupp": {"sv": "Samma kommungrupp (SKR {classification})", "en": "Same municipality group (SKR {classification})"},
    "peers.group.size": {"sv": "Liknande folkmängd", "en": "Similar population"},
    "peers.group.lan": {"sv": "Samma län", "en": "Same county"},
    "peers.group.similar": {"sv": "De {k} mest lika", "en": "The {k} most similar"},
    "peers.definition.version": {
        "sv": "Alla andra kommuner med en utvärdering i samma version av instrumentet.",
        "en": "Every other municipality with an evaluation in the same version of the instrument.",
    },
    "peers.definition.kommungrupp": {
        "sv": "Kommuner i samma kommungrupp enligt SKR:s indelning {classification}: {code} {group_name}.",
        "en": "Municipalities in the same municipality group in SKR's {classification} classification: {code} {group_name}.",
    },
    "peers.definition.size": {
        "sv": "Kommuner med mellan halva och dubbla folkmängden: {population} invånare 31 december {population_year} (närmaste år med data till utvärderingsåret {year}), alltså {low}–{high} invånare samma år. Källa: SCB via Kolada (N01951).",
        "en": "Municipalities with half to double the population: {population} inhabitants on 31 December {population_year} (the year with data nearest to the evaluation year {year}), so {low}–{high} inhabitants in that year. Source: SCB via Kolada (N01951).",
    },
    "peers.definition.lan": {"sv": "Kommuner i {lan_name}.", "en": "Municipalities in {lan_name}."},
    "peers.definition.similar": {
        "sv": "De {k} kommuner med poäng i versionen som ligger närmast enligt avståndet d = (1 om kommungruppen, SKR {classification}, skiljer sig, annars 0) + |ln(folkmängd A) − ln(folkmängd B)|, med folkmängd 31 december närmast utvärderingsåret {year} (SCB via Kolada).",
        "en": "The {k} municipalities with scores in the version nearest by the distance d = (1 if the municipality group, SKR {classification}, differs, else 0) + |ln(population A) − ln(population B)|, with the population on 31 December nearest the evaluation year {year} (SCB via Kolada).",
    },
    "peers.empty": {
        "sv": "Gruppen \"{group}\" har inga andra kommuner med poäng i version {version}, så det finns inget medelvärde. Prova den vidare gruppen \"{wider}\".",
        "en": "The group \"{group}\" has no other municipality with scores in version {version}, so there is no mean. Try the wider group \"{wider}\".",
    },
    "trend.note.no_total": {"sv": "Ingen totalpoäng publicerad.", "en": "No total published."},
    "trend.note.flagged": {
        "sv": "Flaggad totalpoäng: ingen förändring räknas till eller från den.",
        "en": "Flagged total: no change is computed to or from it.",
    },
    "trend.note.kind": {
        "sv": "Egen analys: ingen förändring räknas till eller från SKR:s utvärderingar.",
        "en": "Self-assessment: no change is computed to or from SKR evaluations.",
    },
    "trend.note.first": {
        "sv": "Första av sitt slag i versionen: ingen tidigare att jämföra med.",
        "en": "First of its kind in the version: nothing earlier to compare with.",
    },
    "trend.position": {"sv": "{rank} av {n} i version {version}", "en": "{rank} of {n} in version {version}"},
    "ui.col.against": {"sv": "Jämförs med (n < 3)", "en": "Compared with (n < 3)"},
    "ui.peers.option.version": {"sv": "Alla i versionen", "en": "Everyone in the version"},
    "ui.peers.option.kommungrupp": {"sv": "Samma kommungrupp (SKR)", "en": "Same municipality group (SKR)"},
    "ui.peers.option.size": {"sv": "Liknande folkmängd (halva till dubbla)", "en": "Similar population (half to double)"},
    "ui.peers.option.lan": {"sv": "Samma län", "en": "Same county"},
    "ui.peers.option.similar": {"sv": "De mest lika (kommungrupp och folkmängd)", "en": "The most similar (group and population)"},
    "ui.peers.picker": {"sv": "Jämförelsegrupp", "en": "Peer group"},
    "ui.peers.k": {"sv": "Antal mest lika (k)", "en": "Number most similar (k)"},
    "ui.peers.classification": {"sv": "Kommungruppsindelning", "en": "Municipality grouping"},
    "ui.peers.use_wider": {"sv": "Använd \"{wider}\"", "en": "Use \"{wider}\""},
    "ui.peers.members": {
        "sv": "Gruppens kommuner med poäng i versionen ({n}):",
        "en": "The group's municipalities with scores in the version ({n}):",
    },
    "ui.peers.against": {"sv": "mot {names}", "en": "against {names}"},
    "ui.profile.counted_sentence": {
        "sv": "{label} ligger över medelvärdet för gruppen \"{group}\" (version {version}) i {above} av {compared} områden där minst {min} kommuner jämförs, under i {below} och lika i {same}.",
        "en": "{label} is above the mean of the group \"{group}\" (version {version}) in {above} of {compared} areas compared with at least {min} municipalities, below in {below} and equal in {same}.",
    },
    "ui.profile.left_out": {
        "sv": "{n} områden räknas inte, eftersom färre än {min} kommuner jämförs där: {areas}.",
        "en": "{n} areas are not counted because fewer than {min} municipalities are compared there: {areas}.",
    },
    "ui.profile.none_counted": {
        "sv": "Inget område har minst {min} kommuner att jämföra med, så inget räknas som över eller under ett medelvärde.",
        "en": "No area has at least {min} municipalities to compare with, so none is counted as above or below a mean.",
    },
    "ui.noscores.title": {
        "sv": "{name} har inga publicerade poäng i datan.",
        "en": "{name} has no published scores in the data.",
    },
    "ui.noscores.known": {"sv": "Kända utvärderingar:", "en": "Known evaluations:"},
    "ui.noscores.none_known": {"sv": "Inga kända utvärderingar finns i datan.", "en": "No known evaluations in the data."},
    "ui.noscores.todo": {
        "sv": "Har du rapporten? Läs in den på sidan Egna data (PDF eller text), så syns poängen på alla sidor i din session.",
        "en": "Have the report? Read it in on the page Your own data (PDF or text), and the scores show on every page in your session.",
    },
    "ui.sets.left_out": {
        "sv": "Länken innehöll poänguppsättningar från flera versioner; poäng är jämförbara bara inom en version. Visas: version {version}. Utelämnade: {names}.",
        "en": "The link held score sets from several versions; scores are comparable only within one version. Shown: version {version}. Left out: {names}.",
    },
    "ui.trend.position_col": {"sv": "Placering i sin version", "en": "Position in its version"},
    "ui.trend.note_col": {"sv": "Varför ingen förändring", "en": "Why no change"},
    "ui.trend.flag_col": {"sv": "Flaggor", "en": "Flags"},
    "ui.subareas.sort": {"sv": "Svagast först", "en": "Weakest first"},
    # --- findings (strengths, improvement areas, inspiration) ------------------
    "problem.finding_kind": {
        "sv": "Okänd typ \"{value}\". Skriv en av: {allowed}.",
        "en": "Unknown kind \"{value}\". Write one of: {allowed}.",
    },
    "problem.finding_area": {
        "sv": "Område \"{value}\" finns inte i version {version}. Skriv ett områdesnummer: {allowed}.",
        "en": "Area \"{value}\" does not exist in version {version}. Write an area number: {allowed}.",
    },
    "problem.finding_text": {
        "sv": "Texten är tom. Skriv fyndet som det står i rapporten, eller ta bort raden.",
        "en": "The text is empty. Write the finding as the report prints it, or delete the row.",
    },
    "problem.finding_score_set": {
        "sv": "Det finns ingen poänguppsättning {kommunkod} {year} version {version} ({kind}) som fyndet kan höra till. Lägg till poängen först eller rätta kommunkod, år, version och typ.",
        "en": "There is no score set {kommunkod} {year} version {version} ({kind}) for the finding to belong to. Add the scores first or correct code, year, version and kind.",
    },
    "problem.finding_named": {
        "sv": "Kommunkoden \"{value}\" är okänd. En namngiven kommun (high_scorer, example) behöver en fyrsiffrig SCB-kod.",
        "en": "Municipality code \"{value}\" is unknown. A named municipality (high_scorer, example) needs a 4-digit SCB code.",
    },
    "problem.finding_named_extra": {
        "sv": "Bara high_scorer och example namnger en kommun; lämna named_kommunkod tom (\"{value}\").",
        "en": "Only high_scorer and example name a municipality; leave named_kommunkod empty (\"{value}\").",
    },
    "ingest.findings.summary": {
        "sv": "Fynd för {score_set}: {strength} styrkor, {improvement} förbättringsmöjligheter, {high_scorer} namngivna högpresterare och {example} goda exempel i {areas} områden.",
        "en": "Findings for {score_set}: {strength} strengths, {improvement} improvement areas, {high_scorer} named high scorers and {example} good examples in {areas} areas.",
    },
    "ingest.findings.undecided": {
        "sv": "{n} fynd där varken layout eller formulering avgör kolumnen: se kolumnen note och kontrollera mot rapporten.",
        "en": "{n} findings whose column neither layout nor wording decides: see the note column and check against the report.",
    },
    "ingest.findings.none": {
        "sv": "Inga styrkor, förbättringsmöjligheter eller inspiration hittades i {file} (avsnitten 4.x.3 och 4.x.5). {out} har bara rubrikraden.",
        "en": "No strengths, improvement areas or inspiration were found in {file} (sections 4.x.3 and 4.x.5). {out} holds the header row only.",
    },
    "cli.findings.none": {"sv": "Inga fynd matchar.", "en": "No findings match."},
    "cli.findings.count": {"sv": "{n} fynd.", "en": "{n} findings."},
    "finding.kind.strength": {"sv": "Styrka", "en": "Strength"},
    "finding.kind.improvement": {"sv": "Förbättringsmöjlighet", "en": "Improvement area"},
    "finding.kind.high_scorer": {"sv": "Namngiven högpresterare", "en": "Named high scorer"},
    "finding.kind.example": {"sv": "Gott exempel", "en": "Good example"},
    "ui.page.fynd": {"sv": "Styrkor och förbättringar", "en": "Strengths and improvements"},
    "ui.findings.intro": {
        "sv": "Sök bland det rapporterna skriver om varje område: styrkor, förbättringsmöjligheter, kommuner som SKR nämner som högpresterande och goda exempel. Sökningen bryr sig inte om å, ä, ö eller versaler, och några engelska ord hittar sina svenska motsvarigheter (whistleblower, ethics …).",
        "en": "Search what the reports say about each area: strengths, improvement areas, municipalities SKR names as high scorers, and good examples. The search ignores å, ä, ö and case, and a few English words find their Swedish counterparts (whistleblower, ethics …).",
    },
    "ui.findings.search": {"sv": "Sök i texten", "en": "Search the text"},
    "ui.findings.search_help": {
        "sv": "Alla ord måste finnas; \"forbattring\" hittar \"förbättring\".",
        "en": "Every word must occur; \"forbattring\" finds \"förbättring\".",
    },
    "ui.findings.area": {"sv": "Område", "en": "Area"},
    "ui.findings.kind": {"sv": "Typ", "en": "Kind"},
    "ui.findings.version": {"sv": "Version", "en": "Version"},
    "ui.findings.any": {"sv": "Alla", "en": "All"},
    "ui.findings.count": {"sv": "{n} fynd.", "en": "{n} findings."},
    "ui.findings.none": {"sv": "Inga fynd matchar sökningen.", "en": "No findings match the search."},
    "ui.findings.empty_data": {
        "sv": "Datan innehåller inga fynd ännu (datasets/findings.csv).",
        "en": "The data holds no findings yet (datasets/findings.csv).",
    },
    "ui.findings.col_municipality": {"sv": "Kommun", "en": "Municipality"},
    "ui.findings.col_year": {"sv": "År", "en": "Year"},
    "ui.findings.col_area": {"sv": "Område", "en": "Area"},
    "ui.findings.col_kind": {"sv": "Typ", "en": "Kind"},
    "ui.findings.col_text": {"sv": "Text", "en": "Text"},
    "ui.findings.col_named": {"sv": "Nämnd kommun", "en": "Named municipality"},
    "ui.findings.col_profile": {"sv": "Profil", "en": "Profile"},
    "ui.findings.col_source": {"sv": "Källa", "en": "Source"},
    "ui.findings.open_profile": {"sv": "öppna profilen", "en": "open the profile"},
    "ui.findings.as_published": {
        "sv": "Texterna står som i rapporten (OCR-fel kvar, avstavningar vid radbrytning ihopskrivna). Källa: {source}.",
        "en": "Texts as published in the report (OCR damage kept, words hyphenated at line breaks rejoined; the texts are Swedish). Source: {source}.",
    },
    "ui.profile.findings": {"sv": "Styrkor och förbättringsmöjligheter", "en": "Strengths and improvement areas"},
    "ui.profile.findings_none": {
        "sv": "Rapportens styrkor och förbättringsmöjligheter finns inte i datan för den här utvärderingen.",
        "en": "The report's strengths and improvement areas are not in the data for this evaluation.",
    },
    "ui.profile.strengths": {"sv": "Styrkor", "en": "Strengths"},
    "ui.profile.improvements": {"sv": "Förbättringsmöjligheter", "en": "Improvement areas"},
    "ui.profile.inspiration": {"sv": "Inspiration enligt rapporten", "en": "Inspiration according to the report"},
    "ui.profile.uncertain": {"sv": "kolumn osäker", "en": "column uncertain"},
    "ui.dist.named": {"sv": "Namngivna av SKR som högpresterande", "en": "Named by SKR as high scorers"},
    "ui.dist.named_caption": {
        "sv": "Kommuner som en rapport i version {version} namnger som högpresterande i området (\"har fått höga poäng\"). Namngivna, inte beräknade: de kan sakna poäng i datan.",
        "en": "Municipalities a report of version {version} names as high scorers in the area (\"have received high scores\"). Named, not computed: they may have no scores in the data.",
    },
    "ui.dist.named_none": {
        "sv": "Ingen rapport i datan namnger högpresterande i det här området.",
        "en": "No report in the data names high scorers in this area.",
    },
    "ui.dist.named_col_report": {"sv": "Nämnd i", "en": "Named in"},
    "ui.dist.named_col_scored": {"sv": "Poäng i datan", "en": "Scores in the data"},
    # --- end UI -----------------------------------------------------------------
}


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The text for key in lang, with params filled in (decimals in lang's style); the key itself if unknown.

    A key with plural forms (key.one, key.other) takes the form for its `count` (or `n`) parameter.
    """
    entry = CATALOGUE.get(key)
    if entry is None and f"{key}.other" in CATALOGUE:
        entry = CATALOGUE[plural_key(key, params.get("count", params.get("n", 0)), lang)]
    if entry is None:
        return key
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    try:
        return text.format(**local_params(params, lang))
    except (KeyError, IndexError, ValueError):
        return text


def plural_key(key: str, n: int, lang: str = DEFAULT_LANGUAGE) -> str:
    """key.one or key.other, by Babel's plural rule of lang for n (the catalogue holds both forms)."""
    form = Locale.parse(locale(lang)).plural_form(abs(int(n)))
    return f"{key}.{form}" if f"{key}.{form}" in CATALOGUE else f"{key}.other"


def tn(key: str, n: int, lang: str = DEFAULT_LANGUAGE, **params) -> str:
    """The plural form of key for the count n: '1 kommun', '2 kommuner'; n is passed on as {n}."""
    return t(key, lang, n=n, **params)
