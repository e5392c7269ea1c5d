"""Inputs in layouts and damage the other ingest tests do not cover (adversarial, issue 4).

Every text here is SYNTHETIC TEST INPUT written for these tests: municipality names are real, the
numbers are made up (or repeat rows already in datasets/scores.csv) and say nothing about real results.
"""

import random
import subprocess
import sys
from pathlib import Path

import pytest

from kompass_data.ingest import IngestError, ingest_file, ingest_text
from tests.ingest.expect import assert_sets
from tests.ingest import reportgen as G

ROOT = Path(__file__).resolve().parents[2]
N10, N16, N20 = G.AREA_NAMES["2010"], G.AREA_NAMES["2016"], G.AREA_NAMES["2020"]


def _set(year, version, areas, total="sum", kind="full", subareas=None):
    areas = {str(i + 1): v for i, v in enumerate(areas)} if isinstance(areas, list) else areas
    if total == "sum":
        total = sum(areas.values())
    return {"year": year, "version": version, "kind": kind, "areas": areas, "total": total,
            "subareas": subareas or {}}


# --------------------------------------------------------------------------- SKR reports

MOLNDAL = [49, 58, 73, 61, 57, 55, 45, 67]


def molndal_2016_report() -> str:
    """Genitive title, page header/footer inside the summary table, many other municipalities named."""
    a = MOLNDAL
    return f"""Syntetisk testtext (SYNTHETIC TEST INPUT)
Kommunkompassen
Analys av Mölndals kommun
November 2016

Sveriges Kommuner och Landsting

1. Kommunkompassen
Kommunkompassen är ett verktyg för utvärdering och analys av kommuners sätt att arbeta. Kommun-
kompassen reviderades 2010 och 2016.

2. Mölndals kommun
Mölndal ligger söder om Göteborg och har 63 000 invånare (SCB 2015). Kommunen jämförs ofta
med Lerum och Partille. Lerums kommun och Partille kommun har tidigare utvärderats, liksom Göteborgs
Stad. Härryda kommun fick 2014 en hög poäng.

3. Sammanfattning av Mölndals kommuns resultat
Utvärderingen av Mölndals kommun genomfördes i oktober 2016 och var kommunens första.
Nedan visas poängen per område.

Poäng per område 2016
1. Offentlighet och demokrati {a[0]}
2. Brukarfokus, tillgänglighet och bemötande {a[1]}
3. Politisk styrning och kontroll {a[2]}
4. Ledarskap, ansvar och delegation {a[3]}

Kommunkompassen – Analys av Mölndals kommun 2016
Sida 7 (41)

5. Resultat och effektivitet {a[4]}
6. Kommunen som arbetsgivare, personalpolitik {a[5]}
7. Ständiga förbättringar {a[6]}
8. Kommunen som samhällsbyggare {a[7]}
Totalt {sum(a)}

Jämfört med Lerum (512 poäng) och Partille (478 poäng) ligger Mölndal i mitten. Kungsbacka kommun
och Alingsås kommun nämns som goda exempel. Lerum, Partille, Lerum och Partille.

4.1.5 Inspiration
Kommuner som efter 2016 har fått höga poäng är Lerum, Partille och Helsingborg.
"""


def test_molndal_report_with_page_footer_in_the_table():
    r = ingest_text(molndal_2016_report(), source_name="molndal.txt")
    assert_sets(r, [_set(2016, "2016", MOLNDAL)], "1481")


ENK16, ENK18 = [54, 55, 60, 42, 58, 50, 49, 66], [71, 62, 70, 55, 60, 63, 57, 71]


def enkoping_2018_report() -> str:
    """Two year columns, newest first ('Resultat 2018 2016'), OCR without diacritics, bullets."""
    rows = "\n".join(f"= {i}. {G.strip_diacritics(n)} | {ENK18[i - 1]} | {ENK16[i - 1]}" for i, n in enumerate(N16, 1))
    return f"""SYNTHETIC TEST INPUT
Kommunkompassen
Analys av Enkopings kommun 2018

3. Sammanfattning av Enkopings kommuns resultat
Utvarderingen av Enkopings kommun genomfordes i september 2018 och var kommunens andra. Den
forsta utvarderingen gjordes 2016.

Resultat 2018 2016
{rows}
Totalt | {sum(ENK18)} | {sum(ENK16)}

Enkoping har okat i alla omraden jamfort med 2016.
"""


def test_enkoping_two_columns_newest_first():
    r = ingest_text(enkoping_2018_report(), source_name="enk.txt")
    assert_sets(r, [_set(2016, "2016", ENK16), _set(2018, "2016", ENK18)], "0381")


KRA11, KRA13 = [51, 45, 62, 30, 52, 27, 39, 53], [58, 56, 73, 54, 58, 45, 44, 60]


def kramfors_2013_tabs() -> str:
    """Tab-separated table copied from a spreadsheet; header 'Område<TAB>2013<TAB>2011'."""
    rows = "\n".join(f"{n}\t{KRA13[i]}\t{KRA11[i]}" for i, n in enumerate(N10))
    return (
        "SYNTHETIC TEST INPUT\r\nKramfors kommun – Kommunkompassen 2013\r\n\r\n"
        "Kramfors kommun har utvärderats med Kommunkompassen 2011 och 2013. "
        "Utvärderingen 2013 visar en tydlig förbättring.\r\n\r\n"
        f"Område\t2013\t2011\r\n{rows}\r\nTotalpoäng\t{sum(KRA13)}\t{sum(KRA11)}\r\n"
    ).replace("\n", "\r\n").replace("\r\r\n", "\r\n")


def test_kramfors_tab_separated_with_windows_line_endings():
    r = ingest_text(kramfors_2013_tabs(), source_name="kramfors.txt")
    assert_sets(r, [_set(2011, "2010", KRA11), _set(2013, "2010", KRA13)], "2282")


HOG20, HOG23 = [62, 70, 74, 68, 71, 66, 77, 73], [75, 79, 85, 80, 86, 84, 93, 97]


def hoganas_2023_report() -> str:
    """2020 version: the summary table uses the 2020 area names, 3 columns with a reference mean."""
    rows = "\n".join(f"{i}. {n} {HOG20[i - 1]} {HOG23[i - 1]} {50 + i}" for i, n in enumerate(N20, 1))
    return f"""SYNTHETIC TEST INPUT
Kommunkompassen – Analys av Höganäs kommun
Våren 2023

Sammanfattning
Utvärderingen av Höganäs kommun genomfördes i mars 2023 enligt 2020 års version av
Kommunkompassen. Höganäs utvärderades även 2020.

Poäng 2020 2023 Medel
{rows}
Totalt {sum(HOG20)} {sum(HOG23)} 468

Slutpoängen 2023 blev {sum(HOG23)} poäng av 800 möjliga.
"""


def test_hoganas_2020_version_with_reference_column():
    r = ingest_text(hoganas_2023_report(), source_name="hoganas.txt")
    assert_sets(r, [_set(2020, "2020", HOG20), _set(2023, "2020", HOG23)], "1284")


# --------------------------------------------------------------------------- web pages and press

def grastorp_page() -> str:
    return """SYNTHETIC TEST INPUT
Så här gick det för Grästorp i Kommunkompassen 2014

Grästorps kommun har för första gången utvärderats med SKL:s Kommunkompassen.
Resultat per område:
Offentlighet och demokrati 61 poäng
Tillgänglighet och brukarorientering 60 poäng
Politisk styrning och kontroll 73 poäng
Ledarskap, ansvar och delegation 53 poäng
Resultat och effektivitet 70 poäng
Kommunen som arbetsgivare, personalpolitik 56 poäng
Verksamhetsutveckling 65 poäng
Kommun som samhällsbyggare 68 poäng
Totalt 506 poäng
"""


def test_grastorp_municipality_page():
    r = ingest_text(grastorp_page(), source_name="grastorp.html.txt")
    assert_sets(r, [_set(2014, "2010", [61, 60, 73, 53, 70, 56, 65, 68])], "1444")


def orebro_press() -> str:
    return """SYNTHETIC TEST INPUT
Pressmeddelande 2012-11-20
Örebro kommun i topp i Kommunkompassen

Örebro kommun fick 615 poäng av 800 möjliga när Sveriges Kommuner och Landsting utvärderade
kommunen i höstas. Det är en ökning med 105 poäng jämfört med den förra utvärderingen.
Högst poäng fick kommunen inom området Kommunen som samhällsbyggare, 87 poäng. Inom området
Politisk styrning och kontroll fick Örebro 86 poäng. Medelvärdet för de kommuner som utvärderats
är 520 poäng. Örebro ligger därmed högre än Karlstad och Västerås.
– Vi är stolta, säger kommunstyrelsens ordförande.
"""


def test_orebro_press_release():
    r = ingest_text(orebro_press(), source_name="pm.txt")
    assert_sets(r, [_set(2012, "2010", {"3": 86, "8": 87}, total=615)], "1880")


ALE = [55, 63, 70, 58, 61, 57, 66, 60]


def ale_pipe_table() -> str:
    rows = "\n".join(f"{n} | {ALE[i]} | 100" for i, n in enumerate(N20))
    return f"""SYNTHETIC TEST INPUT
Ale kommun – resultat i Kommunkompassen 2022

Ale kommun utvärderades i Kommunkompassen under våren 2022.

Område | Poäng | Max
{rows}
Totalt | {sum(ALE)} | 800
"""


def test_ale_table_with_max_column():
    r = ingest_text(ale_pipe_table(), source_name="ale.txt")
    assert_sets(r, [_set(2022, "2020", ALE)], "1440")


MOTALA = [53.5, 60, 55.5, 49, 58, 47.5, 50, 53]


def motala_decimals() -> str:
    names = ["Offentlighet och demokratisk kontroll", "Tillgänglighet, brukar- och medborgarorientering",
             "Politisk styrning och kontroll", "Ledarskap, ansvar och delegation", "Resultat och effektivitet",
             "Personalpolitik", "Verksamhetsutveckling", "Kommunen som samhällsbyggare"]
    rows = "\n".join(f"{n}: {str(MOTALA[i]).replace('.', ',').replace(',0', '')} poäng" for i, n in enumerate(names))
    return f"""SYNTHETIC TEST INPUT
Motala kommun i Kommunkompassen

Motala kommun utvärderades 2006. Resultatet för Motala blev totalt 426,5 poäng.
{rows}
"""


def test_motala_decimal_scores_pre_2010():
    r = ingest_text(motala_decimals(), source_name="motala.txt")
    assert_sets(r, [_set(2006, "pre-2010", MOTALA, total=426.5)], "0583")


UV = [66, 70, 75, 61, 64, 60, 68, 71]


def upplands_vasby_numbered() -> str:
    rows = "\r\n".join(f"{i}. {n} {UV[i - 1]}" for i, n in enumerate(N16, 1))
    return ("SYNTHETIC TEST INPUT\r\nUpplands Väsby kommun – Kommunkompassen 2019\r\n\r\n"
            f"Upplands Väsby utvärderades i maj 2019.\r\n{rows}\r\nTotalt {sum(UV)} poäng\r\n")


def test_upplands_vasby_cp1252_crlf(tmp_path):
    p = tmp_path / "uv.txt"
    p.write_bytes(upplands_vasby_numbered().encode("cp1252"))
    assert_sets(ingest_file(p), [_set(2019, "2016", UV)], "0114")


MS = [64, 59, 71, 66, 62, 70, 58, 61]


def malung_page() -> str:
    rows = "\n".join(f"{n}: {MS[i]}" for i, n in enumerate(N20))
    return f"SYNTHETIC TEST INPUT\nMalung-Sälens kommun i Kommunkompassen 2021\n{rows}\nTotalt {sum(MS)} poäng\n"


def test_utf16_without_bom(tmp_path):
    p = tmp_path / "ms.txt"
    p.write_bytes(malung_page().encode("utf-16-le"))
    assert_sets(ingest_file(p), [_set(2021, "2020", MS)], "2023")


# --------------------------------------------------------------------------- heavy OCR damage

KH = [56, 55, 68, 60, 59, 52, 50, 62]


def kristinehamn_heavy_ocr() -> str:
    return f"""SYNTHETIC TEST INPUT (heavy OCR damage)
K0mmunkompassen
Ana1ys av Kristinehamns k0mmun 2015

Utv&rderingen av Kristinehamns kommun genomf6rdes i april 2015.

Po&ng i Kommunkompassen 2015
» 1. Offent1ighet och demokrati {KH[0]}
= 2. Tillg&ng-
lighet och brukarorientering {KH[1]}
| 3. Politisk styrning och kontro11 {KH[2]}
4. Ledarskap, ansvar och de1egation {KH[3]}
5. Resu1tat och effektivitet {KH[4]}
6. Kommunen som arbetsgivare {str(KH[5]).replace('0', 'O')}
7. Verksamhetsutveck1ing {str(KH[6]).replace('0', 'O')}
8. Kommunen som samh&1lsbyggare {KH[7]}
Tota1t {sum(KH)}
"""


def test_kristinehamn_heavy_ocr():
    r = ingest_text(kristinehamn_heavy_ocr(), source_name="kh.txt")
    assert_sets(r, [_set(2015, "2010", KH)], "1781")


# --------------------------------------------------------------------------- tricky names

@pytest.mark.parametrize("phrase,code", [
    ("Falu kommun", "2080"), ("Region Gotland", "0980"), ("Borås Stad", "1490"), ("Stockholms stad", "0180"),
    ("Dals-Eds kommun", "1438"), ("Ostra Goinge kommun", "1256"), ("Marks kommun", "1463"),
    ("Ale kommun", "1440"), ("Malung-Salens kommun", "2023"), ("Upplands Vasby kommun", "0114"),
])
def test_tricky_municipality_names(phrase, code):
    text = (f"SYNTHETIC TEST INPUT\nKommunkompassen 2017\n{phrase} utvärderades i Kommunkompassen 2017. "
            f"Totalt fick {phrase} 512 poäng. Jämfört med Falun, Mora och Borlänge är det bra.\n")
    df = ingest_text(text, source_name="t.txt").scores
    assert df[["kommunkod", "year", "instrument_version", "score"]].values.tolist() == [[code, 2017, "2016", 512.0]]


# --------------------------------------------------------------------------- HTML

KUM = [70, 72, 75, 68, 71, 66, 64, 71]


def kumla_html() -> str:
    rows = "\n".join(f"<tr><td>{n}</td><td>{KUM[i]}</td></tr>" for i, n in enumerate(N20))
    return f"""<!DOCTYPE html><!-- SYNTHETIC TEST INPUT -->
<html><head><title>Kommunkompassen - Kumla kommun</title>
<script>var x = {{"a": 2020, "b": 557}}; function f() {{ return 12 + 800; }}</script>
<style>.t td {{ width: 100px; }}</style></head>
<body><h1>Kumla kommun i Kommunkompassen</h1>
<p>Kumla kommun utvärderades under 2020. Resultatet för 2020 blev {sum(KUM)} poäng.</p>
<table class="t">
<tr><th>Område</th><th>Poäng</th></tr>
{rows}
</table></body></html>
"""


def test_html_page_with_table():
    r = ingest_text(kumla_html(), source_name="kumla.html")
    assert_sets(r, [_set(2020, "2020", KUM)], "1881")


# --------------------------------------------------------------------------- page furniture, statements

def _with_page_furniture(text: str, kommun: str, every: int = 23) -> str:
    """Page footer and header lines every `every` lines, as text extracted from a paginated PDF."""
    out, page = [], 2
    for i, line in enumerate(text.split("\n"), 1):
        out.append(line)
        if i % every == 0:
            out += ["", f"Sida {page} ({page + 30})", f"Kommunkompassen – Analys av {G.genitive(kommun)} kommun", ""]
            page += 1
    return "\n".join(out)


@pytest.mark.parametrize("name,code,cols", [
    ("Mölndal", "1481", [(2016, "2016", "full")]),
    ("Östra Göinge", "1256", [(2013, "2010", "full"), (2017, "2016", "full")]),
    ("Dals-Ed", "1438", [(2014, "2010", "full"), (2016, "2016", "self"), (2019, "2016", "full")]),
])
@pytest.mark.parametrize("damage", [False, True], ids=["clean", "ocr"])
def test_reports_with_page_headers_and_footers(name, code, cols, damage):
    rng = random.Random(f"furniture{name}{damage}")
    text, expected = G.full_report(name, cols, rng)
    text = _with_page_furniture(text, name, every=rng.choice((17, 23, 31)))
    if damage:
        text = G.ocr_damage(text, rng, bullets=0.3, wrap=0.3)
    assert_sets(ingest_text(text, source_name="r.txt"), expected, code)


def test_2020_evaluation_on_the_2016_version_said_by_the_text():
    rows = "\n".join(f"{n}: {v} poäng" for n, v in zip(N16, UV))
    text = (f"SYNTHETIC TEST INPUT\nKommunkompassen i Vallentuna kommun\nUtvärderingen av Vallentuna kommun "
            f"genomfördes i januari 2020 enligt 2016 års version av Kommunkompassen.\n{rows}\n")
    assert_sets(ingest_text(text, source_name="v.txt"), [_set(2020, "2016", UV, total=None)], "0115")


def test_self_assessment_page():
    rows = "\n".join(f"{i}. {n} {v}" for i, (n, v) in enumerate(zip(N16, UV), 1))
    text = (f"SYNTHETIC TEST INPUT\nLekebergs kommuns egen analys med Kommunkompassen 2018\n\n"
            f"Under hösten 2018 gjorde Lekebergs kommun en egen analys med hjälp av Kommunkompassen.\n\n"
            f"{rows}\nTotalt {sum(UV)}\n")
    assert_sets(ingest_text(text, source_name="l.txt"), [_set(2018, "2016", UV, kind="self")], "1814")


def test_huvudomrade_prefixed_rows():
    rows = "\n".join(f"Huvudområde {i}: {n} – {v} poäng" for i, (n, v) in enumerate(zip(N10, KRA13), 1))
    text = f"SYNTHETIC TEST INPUT\nHabo kommun – Kommunkompassen 2013\n{rows}\nTotalt {sum(KRA13)} poäng\n"
    assert_sets(ingest_text(text, source_name="habo.txt"), [_set(2013, "2010", KRA13)], "0643")


def test_shortened_2020_labels_in_a_numbered_list():
    short = ["Samspel mellan förtroendevalda och medborgare", "Samhällsutveckling", "Styrning och kontroll",
             "Effektivitet", "Brukarfokus", "Kvalitetsutveckling", "Arbetsliv", "Chefs- och ledarskap"]
    rows = "\n".join(f"{i}. {n} {v}" for i, (n, v) in enumerate(zip(short, ALE), 1))
    text = (f"SYNTHETIC TEST INPUT\nTomelilla kommun i Kommunkompassen 2022\n\nTomelilla fick totalt {sum(ALE)} poäng.\n\n"
            f"{rows}\n")
    assert_sets(ingest_text(text, source_name="t.txt"), [_set(2022, "2020", ALE)], "1270")


# --------------------------------------------------------------------------- PDFs

def _two_column_pdf(path: Path, title: list[str], left: list[str], right: list[str], table: list[str], pages: int = 3):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    w, h = A4
    for p in range(1, pages + 1):
        c.setFont("Helvetica", 8)
        c.drawString(40, h - 30, title[0])
        c.drawString(w - 100, 25, f"Sida {p} ({pages})")
        c.setFont("Helvetica", 10)
        y = h - 70
        if p == 1:
            for line in title[1:]:
                c.drawString(40, y, line)
                y -= 16
        if p == 2:
            yl = yr = y
            for line in left:
                c.drawString(40, yl, line)
                yl -= 13
            for line in right:
                c.drawString(w / 2 + 10, yr, line)
                yr -= 13
            y = min(yl, yr) - 20
            for line in table[:5]:
                c.drawString(40, y, line)
                y -= 13
        if p == 3:
            for line in table[5:]:
                c.drawString(40, y, line)
                y -= 13
        c.showPage()
    c.save()
    return path


def test_two_column_multi_page_pdf(tmp_path):
    a = MOLNDAL
    title = ["Kommunkompassen – Analys av Mölndals kommun 2016", "Kommunkompassen", "Analys av Mölndals kommun",
             "Utvärderingen genomfördes i oktober 2016."]
    left = ["Mölndal jämförs ofta med Lerum", "och Partille. Lerums kommun fick", "512 poäng 2015.", "Partille kommun har också", "utvärderats."]
    right = ["Kommunen har 63 000 invånare.", "Göteborgs Stad ligger norr om", "Mölndal. Härryda kommun", "nämns som gott exempel."]
    table = ["Poäng per område 2016"] + [f"{i}. {n} {v}" for i, (n, v) in enumerate(zip(["Offentlighet och demokrati", "Brukarfokus, tillgänglighet och bemötande", "Politisk styrning och kontroll", "Ledarskap, ansvar och delegation", "Resultat och effektivitet", "Kommunen som arbetsgivare, personalpolitik", "Ständiga förbättringar", "Kommunen som samhällsbyggare"], a), 1)] + [f"Totalt {sum(a)}"]
    pdf = _two_column_pdf(tmp_path / "molndal.pdf", title, left, right, table)
    assert_sets(ingest_file(pdf), [_set(2016, "2016", MOLNDAL)], "1481")


# --------------------------------------------------------------------------- garbage: refused cleanly

def _refused(path) -> str:
    with pytest.raises(IngestError) as err:
        ingest_file(path)
    assert err.value.exit_code == 1 and not err.value.key.endswith("internal")
    return err.value.key


def test_pdf_with_only_an_image(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    img = tmp_path / "scan.png"
    Image.new("RGB", (200, 300), (200, 180, 160)).save(img)
    p = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(p))
    c.drawImage(str(img), 50, 50, 400, 600)
    c.showPage()
    c.save()
    assert _refused(p) == "ingest.error.pdf_no_text"


def test_zip_renamed_pdf(tmp_path):
    import zipfile

    p = tmp_path / "rapport.pdf"
    with zipfile.ZipFile(p, "w", compression=zipfile.ZIP_DEFLATED) as z:
        z.writestr("rapport.txt", "Norsjö kommun Totalt 509 poäng " * 200)
    assert _refused(p) in ("ingest.error.binary", "ingest.error.undecodable")


def test_html_with_scripts_and_no_scores(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><head><script>var year = 2018; var total = 509; function kommunkompassen() { return 800; }"
                 "</script></head><body><h1>Norsjö kommun</h1><p>Kommunkompassen 2018: läs rapporten "
                 "(PDF, 2 MB).</p></body></html>", encoding="utf-8")
    assert _refused(p) == "ingest.error.no_scores"


def test_csv_of_unrelated_numbers(tmp_path):
    p = tmp_path / "befolkning.csv"
    rng = random.Random(1)
    p.write_text("kommun,år,invånare,andel\n" + "".join(f"Norsjö,{y},{rng.randint(3000, 5000)},{rng.randint(1, 99)}\n"
                                                         for y in range(2002, 2024)), encoding="utf-8")
    assert _refused(p) == "ingest.error.no_scores"


def test_ranking_of_many_municipalities_is_not_one_report(tmp_path):
    p = tmp_path / "ranking.txt"
    p.write_text("SYNTHETIC TEST INPUT\nKommunkompassen – resultat 2018\n"
                 "Helsingborg 668 poäng\nVästerås 640 poäng\nTyresö 602 poäng\nNorsjö 509 poäng\nKumla 557 poäng\n",
                 encoding="utf-8")
    assert _refused(p) in ("ingest.error.no_municipality", "ingest.error.no_scores")


def test_devnull_and_large_text(tmp_path):
    assert _refused("/dev/null") == "ingest.error.empty"
    big = tmp_path / "big.txt"
    chunk = ("Norsjö kommun Offentlighet och demokrati 61 poäng\n" * 20000).encode()
    with big.open("wb") as fh:
        while fh.tell() < 60_000_000:
            fh.write(chunk)
    assert _refused(big) == "ingest.error.too_large"


def test_cli_refuses_garbage_cleanly_and_writes_unseen_reports(tmp_path):
    """One CLI process per input, all started at once (each pays the interpreter's start-up)."""
    import zipfile

    folder = tmp_path / "folder"
    folder.mkdir()
    zipped = tmp_path / "in.pdf"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("a.txt", "x" * 1000)
    page = tmp_path / "p.html"
    page.write_text("<html><script>var a = 1;</script><body>Hej</body></html>", encoding="utf-8")
    nonum = tmp_path / "t.txt"
    nonum.write_text("Kommunkompassen. Analys av Norsjö kommun. Inga poäng i denna text.\n", encoding="utf-8")
    good = tmp_path / "enk.txt"
    good.write_text(enkoping_2018_report(), encoding="utf-8")
    procs = {}
    for name, path in {"dir": folder, "zip": zipped, "html": page, "nonum": nonum, "good": good}.items():
        out = tmp_path / f"{name}.csv"
        procs[name] = (out, subprocess.Popen([sys.executable, "-m", "kompass_data", "ingest", str(path), "-o", str(out)],
                                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
    for name, (out, proc) in procs.items():
        stdout, stderr = proc.communicate(timeout=120)
        assert "Traceback" not in stdout + stderr, name
        if name == "good":
            assert proc.returncode == 0, stderr
            lines = out.read_text(encoding="utf-8").splitlines()
            assert len(lines) == 1 + 18 and lines[1].startswith("0381,Enköping,2016,2016,full,total,total,Totalt,")
        else:
            assert proc.returncode == 1, name
            assert stderr.strip(), name
            assert not out.exists(), name


# --------------------------------------------------------------------------- more layouts

def test_change_column_after_the_years():
    rows = "\n".join(f"{i}. {n} {KRA13[i - 1]} {KRA11[i - 1]} {KRA13[i - 1] - KRA11[i - 1]:+d}" for i, n in enumerate(N10, 1))
    text = (f"SYNTHETIC TEST INPUT\nAnalys av Kramfors kommun 2013\nUtvärderingen av Kramfors kommun genomfördes 2013.\n\n"
            f"Resultat 2013 2011 Förändring\n{rows}\nTotalt {sum(KRA13)} {sum(KRA11)} {sum(KRA13) - sum(KRA11):+d}\n")
    assert_sets(ingest_text(text, source_name="k.txt"), [_set(2011, "2010", KRA11), _set(2013, "2010", KRA13)], "2282")


def test_falu_kommun_is_falun():
    text = ("SYNTHETIC TEST INPUT\nKommunkompassen – Analys av Falu kommun 2017\n"
            "Utvärderingen av Falu kommun genomfördes 2017.\nTotalt fick Falu kommun 512 poäng.\n")
    assert ingest_text(text, source_name="f.txt").scores[["kommunkod", "municipality", "score"]].values.tolist() == [
        ["2080", "Falun", 512.0]]


def test_neighbour_named_often_with_its_own_total():
    rows = "\n".join(f"{n}: {v} poäng" for n, v in zip(N16, MOLNDAL))
    text = ("SYNTHETIC TEST INPUT\nKommunkompassen 2016 – Mölndal\nMölndal utvärderades 2016. Göteborgs Stad fick "
            "560 poäng 2015 och Göteborg har högre poäng.\nGöteborg, Göteborg, Göteborg, Göteborgs Stad, Göteborgs stad.\n\n"
            f"{rows}\n")
    assert_sets(ingest_text(text, source_name="m.txt"), [_set(2016, "2016", MOLNDAL, total=None)], "1481")


def test_another_municipalitys_total_in_the_prose_is_not_taken():
    text = (molndal_2016_report() + "\nLerums kommun fick 512 poäng 2015 och Partille kommun fick 478 poäng 2014. "
            "Mölndal fick totalt 465 poäng.\n")
    assert_sets(ingest_text(text, source_name="m.txt"), [_set(2016, "2016", MOLNDAL)], "1481")


SUB_DECIMALS = """4.1.2 Delpoäng
1. Offentlighet och demokrati Uppnått Max Procent
1.1 Finns en plan/strategi för demokratiutveckling och information? 12,5 15 83,3 %
1.2 Informeras invånarna om aktuella frågor i politiken? 14 20 70,0 %
1.3 Informeras invånare om resultat? 12 25 48,0 %
1.4 Främjas invånardialog och deltagande? 24 30 80,0 %
1.5 Etik – Hur skapas tillit genom hög etisk standard? 6,5 10 65,0 %
69 100 69 %
"""

SUB_NO_AREA_HEADER = """Offentlighet och demokrati
Delområde Uppnått Max Procent
1.1 Plan för demokratiutveckling 13 15 85%
1.2 Information om aktuella frågor 14 20 71%
1.3 Information om resultat 12 25 48%
1.4 Invånardialog 24 30 81%
1.5 Etik 7 10 65%
Summa 69 100 69%
"""


@pytest.mark.parametrize("table,subs", [
    (SUB_DECIMALS, {"1.1": (12.5, 15), "1.2": (14, 20), "1.3": (12, 25), "1.4": (24, 30), "1.5": (6.5, 10)}),
    (SUB_NO_AREA_HEADER, {"1.1": (13, 15), "1.2": (14, 20), "1.3": (12, 25), "1.4": (24, 30), "1.5": (7, 10)}),
], ids=["decimals", "delomrade-header"])
def test_subarea_tables_in_other_layouts(table, subs):
    text = "SYNTHETIC TEST INPUT\nAnalys av Hörby kommun 2017\nUtvärderingen av Hörby kommun genomfördes 2017.\n\n" + table
    r = ingest_text(text, source_name="h.txt")
    assert_sets(r, [_set(2017, "2016", {"1": 69}, total=None, subareas=subs)], "1266")
    assert r.flags == []


def test_self_assessment_column_marked_in_parentheses():
    rows = "\n".join(f"{i}. {n} {KRA11[i - 1]} {KRA13[i - 1]} {KH[i - 1]}" for i, n in enumerate(N16, 1))
    text = ("SYNTHETIC TEST INPUT\nAnalys av Kumla kommun 2018\nUtvärderingen av Kumla kommun genomfördes 2018.\n\n"
            f"Poäng 2015 2017 (egen analys) 2018\n{rows}\nTotalt {sum(KRA11)} {sum(KRA13)} {sum(KH)}\n")
    assert_sets(ingest_text(text, source_name="k.txt"),
                [_set(2015, "2010", KRA11), _set(2017, "2016", KRA13, kind="self"), _set(2018, "2016", KH)], "1881")


@pytest.mark.parametrize("text,code,year,version,areas,total", [
    ("Hylte kommun och Kommunkompassen 2021\n" + "\n".join(f"{n} – {v} p" for n, v in zip(N20, ALE))
     + f"\nSammanlagt blev det {sum(ALE)} poäng för Hylte.\n", "1315", 2021, "2020", ALE, sum(ALE)),
    ("Hylte kommun och Kommunkompassen 2021\n" + "\n".join(f"{i}. {n} ({v} poäng)" for i, (n, v) in enumerate(zip(N20, ALE), 1))
     + f"\nTotalt: {sum(ALE)} av 800 möjliga poäng\n", "1315", 2021, "2020", ALE, sum(ALE)),
    ("Region Gotland i Kommunkompassen\nRegion Gotland utvärderades 2014 och fick totalt 551 poäng. Offentlighet och "
     "demokrati fick 61 poäng och Verksamhetsutveckling 68 poäng.\n", "0980", 2014, "2010", {"1": 61, "7": 68}, 551),
    ("2019-03-14\nKommunkompassen: Lysekils kommun\nLysekil fick 455 poäng i utvärderingen som gjordes i november 2018.\n",
     "1484", 2018, "2016", {}, 455),
], ids=["sammanlagt", "totalt-av-800", "region-gotland-prose", "dated-page"])
def test_web_and_press_phrasings(text, code, year, version, areas, total):
    r = ingest_text("SYNTHETIC TEST INPUT\n" + text, source_name="w.txt")
    assert_sets(r, [_set(year, version, areas, total=total)], code)


def _platypus_report(path, kommun, year, names, cols, colvals, subs, prose_n=12):
    """A typeset report: title page, two-column prose quoting a neighbour's result on every paragraph,
    a grid table of points per area and year, a grid sub-area table; page header and footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
                                    Spacer, Table, TableStyle)

    st = getSampleStyleSheet()
    g = G.genitive(kommun)
    doc = BaseDocTemplate(str(path), pagesize=A4)
    w, h = A4

    def deco(c, d):
        c.setFont("Helvetica", 8)
        c.drawString(40, h - 35, f"Kommunkompassen – Analys av {g} kommun {year}")
        c.drawString(w - 110, 30, f"Sida {d.page} (12)")

    doc.addPageTemplates([
        PageTemplate("one", [Frame(40, 50, w - 80, h - 110)], onPage=deco),
        PageTemplate("two", [Frame(40, 50, (w - 90) / 2, h - 110), Frame(50 + (w - 90) / 2, 50, (w - 90) / 2, h - 110)], onPage=deco),
    ])
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey)])
    story = [Paragraph("Kommunkompassen", st["Title"]), Paragraph(f"Analys av {g} kommun {year}", st["Heading1"]),
             Paragraph(f"Utvärderingen av {g} kommun genomfördes i mars {year}.", st["Normal"]),
             NextPageTemplate("two"), PageBreak()]
    for i in range(prose_n):
        story.append(Paragraph(f"Stycke {i}: Kommunen samverkar med Helsingborg och Ängelholm. Helsingborgs stad fick "
                               "668 poäng 2017. Det finns 12 enheter och 3 förvaltningar.", st["Normal"]))
    story += [NextPageTemplate("one"), PageBreak(), Paragraph("Poäng per område", st["Heading2"])]
    data = [["Område"] + [str(c) for c in cols]]
    data += [[f"{i}. {n}"] + [str(v[i - 1]) for v in colvals] for i, n in enumerate(names, 1)]
    data += [["Totalt"] + [str(sum(v)) for v in colvals]]
    story.append(Table(data, style=grid))
    for area, rows in subs.items():
        data = [[f"{area}. {names[int(area) - 1]}", "Uppnått", "Max", "Procent"]]
        data += [[f"{c} {lab}", str(a), str(m), f"{round(100 * a / m)}%"] for c, lab, a, m in rows]
        data += [["", str(sum(r[2] for r in rows)), "100", f"{sum(r[2] for r in rows)}%"]]
        story += [Spacer(1, 12), Table(data, colWidths=[300, 50, 40, 50], style=grid)]
    doc.build(story)
    return path


def test_typeset_pdf_2020_version_with_grid_tables_and_a_quoted_neighbour(tmp_path):
    hog23 = [75, 79, 74, 80, 86, 84, 93, 97]
    subs = {"3": [("3.1", "Finns en tydlig styrmodell?", 20, 25), ("3.2", "Hur följs målen upp?", 18, 25),
                  ("3.3", "Hur hanteras avvikelser?", 15, 25), ("3.4", "Hur sker den interna kontrollen?", 21, 25)]}
    pdf = _platypus_report(tmp_path / "hoganas.pdf", "Höganäs", 2023, N20, [2020, 2023], [HOG20, hog23], subs)
    r = ingest_file(pdf)
    want_subs = {c: (a, m) for c, _, a, m in subs["3"]}
    assert_sets(r, [_set(2020, "2020", HOG20), _set(2023, "2020", hog23, subareas=want_subs)], "1284")
    labels = dict(zip(r.scores.code, r.scores.label_published))
    assert labels["3.2"] == "Hur följs målen upp?"
    assert r.flags == []


UNSEEN_TEXTS = [
    (molndal_2016_report, [_set(2016, "2016", MOLNDAL)], "1481"),
    (enkoping_2018_report, [_set(2016, "2016", ENK16), _set(2018, "2016", ENK18)], "0381"),
    (kramfors_2013_tabs, [_set(2011, "2010", KRA11), _set(2013, "2010", KRA13)], "2282"),
    (hoganas_2023_report, [_set(2020, "2020", HOG20), _set(2023, "2020", HOG23)], "1284"),
    (grastorp_page, [_set(2014, "2010", [61, 60, 73, 53, 70, 56, 65, 68])], "1444"),
    (orebro_press, [_set(2012, "2010", {"3": 86, "8": 87}, total=615)], "1880"),
    (ale_pipe_table, [_set(2022, "2020", ALE)], "1440"),
    (motala_decimals, [_set(2006, "pre-2010", MOTALA, total=426.5)], "0583"),
    (kristinehamn_heavy_ocr, [_set(2015, "2010", KH)], "1781"),
    (kumla_html, [_set(2020, "2020", KUM)], "1881"),
]


@pytest.mark.parametrize("make,expected,code", UNSEEN_TEXTS, ids=[c[0].__name__ for c in UNSEEN_TEXTS])
def test_unseen_texts_survive_more_ocr_damage(make, expected, code):
    # ocr_damage also wraps a row's numbers onto the next line ('4. Effektivitet 68' / '80 54').
    for seed in range(4):
        rng = random.Random(f"{make.__name__}{seed}")
        text = G.ocr_damage(make(), rng, bullets=0.4, wrap=0.5)
        assert_sets(ingest_text(text, source_name="x.txt"), expected, code)
