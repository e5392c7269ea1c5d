"""The dashboard's URL state, declared once: every query parameter's type, default, pages and widgets, and one binder.

A copied link reproduces the view, and a page reached from the sidebar (which drops the query string)
opens on what the session last looked at: every value written to the URL is also remembered.

Why not Streamlit's own `bind="query-params"` (1.67)? Tried on these widgets, it fits none of them:
it writes the option's label into the URL (?kommun=Norsjö (2417), in the reader's language) and
drops ?kommun=2417 as an unknown option; a multiselect becomes repeated parameters, so the
comma-joined links (kommun=2417,2282) are dropped; a checkbox writes true/false, so ?egen=1 links
are dropped; the widget key must be the parameter's name, so one parameter cannot feed different
widgets on different pages; a bound parameter cannot be written through st.query_params (Jämför
writes kommun and ar from its focus); and it does not remember a value for pages reached from
the sidebar. The binder below keeps the URL vocabulary of the README and the links in the wild.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from typing import Any, Callable

import streamlit as st

from kompass_data import messages
from kompass_data.instruments import AREA_CODES, KINDS, LEVELS, VERSIONS
from kompass_data.peers import DEFAULT_K, DEFAULT_KOMMUNGRUPP_YEAR, KOMMUNGRUPP_YEARS
from kompass_data.peers import GROUPS as PEER_GROUPS

MEMORY = "_mem_"

PAGE_OVERSIKT = "1_oversikt"
PAGE_PROFIL = "2_kommunprofil"
PAGE_UTVECKLING = "3_utveckling"
PAGE_JAMFOR = "4_jamfor"
PAGE_FORDELNING = "5_fordelning"
PAGE_EXPORT = "6_export"
PAGE_EGNA_DATA = "7_egna_data"
PAGE_SAMBAND = "8_samband"
PAGE_FYND = "9_fynd"
ALL_PAGES = (PAGE_OVERSIKT, PAGE_PROFIL, PAGE_UTVECKLING, PAGE_JAMFOR, PAGE_FORDELNING, PAGE_EXPORT, PAGE_EGNA_DATA,
             PAGE_SAMBAND, PAGE_FYND)


# Parsers: URL text -> value, or ValueError. Each accepts only what the dashboard itself writes (plus
# harmless variants such as spaces or a code without its leading zero), so a hostile URL is ignored.

def _match(pattern: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not re.fullmatch(pattern, text):
            raise ValueError(text)
        return text
    return parse


def _one_of(values) -> Callable[[str], str]:
    allowed = tuple(values)

    def parse(text: str) -> str:
        if text not in allowed:
            raise ValueError(text)
        return text
    return parse


def _list_of(item: Callable[[str], str]) -> Callable[[str], list[str]]:
    """Comma-joined items; unreadable items are left out, and no readable item at all is an error."""
    def parse(text: str) -> list[str]:
        found = []
        for part in text.split(","):
            try:
                value = item(part.strip())
            except ValueError:
                continue
            if value not in found:
                found.append(value)
        if not found:
            raise ValueError(text)
        return found
    return parse


def _municipality_code(text: str) -> str:
    return _match(r"[0-9]{1,4}")(text).zfill(4)  # spreadsheets drop the leading zero of 0114


def _year(text: str) -> int:
    return int(_match(r"[0-9]{4}")(text))


def _flag(text: str) -> bool:
    if text != "1":
        raise ValueError(text)
    return True


def _join(values) -> str:
    return ",".join(str(v) for v in values)


_SCORE_SET_ID = r"[0-9]{4}:[0-9]{4}:[a-z0-9-]{1,12}:[a-z]{1,8}"  # 2417:2018:2016:full


@dataclass(frozen=True)
class Param:
    """One URL parameter: how its text reads, the value that leaves it out, where it lives."""

    name: str
    parse: Callable[[str], Any]  # URL text -> value (raises ValueError for anything else)
    pages: tuple[str, ...]  # the pages whose state it is (read or written)
    widgets: tuple[str, ...] = ()  # widget keys that hold it (fnmatch patterns)
    default: Any = None  # this value is left out of the URL
    text: Callable[[Any], str] = str  # value -> URL text
    url_values: dict = field(default_factory=dict)  # URL word -> widget value, where they differ
    many: bool = False  # a comma-joined list


PARAMS: tuple[Param, ...] = (
    Param("lang", _one_of(messages.LANGUAGES), ALL_PAGES, ("pick_lang",), default=messages.DEFAULT_LANGUAGE),
    Param("kommun", _list_of(_municipality_code),
          (PAGE_OVERSIKT, PAGE_PROFIL, PAGE_UTVECKLING, PAGE_JAMFOR, PAGE_FORDELNING, PAGE_EXPORT),
          ("pick_kommun", "pick_kommuner", "exp_kommun"), text=_join, many=True),
    # ar, and version/typ on the profile, are written from the chosen score set (pick_ar, Jämför's pick_focus).
    Param("ar", _year, (PAGE_OVERSIKT, PAGE_PROFIL, PAGE_UTVECKLING, PAGE_JAMFOR)),
    Param("version", _one_of(VERSIONS),
          (PAGE_OVERSIKT, PAGE_PROFIL, PAGE_JAMFOR, PAGE_FORDELNING, PAGE_EXPORT, PAGE_SAMBAND, PAGE_FYND),
          ("pick_version", "exp_version", "samband_version", "fynd_version")),
    Param("typ", _one_of(KINDS), (PAGE_PROFIL, PAGE_EXPORT), ("exp_typ",)),
    # County and municipality group: the peer filter on the profile, the region filter (widgets.region_filter)
    # on Översikt, Jämför, Fördelning and Utveckling, the export's filter.
    Param("lan", _match(r"[0-9]{2}"), (PAGE_OVERSIKT, PAGE_PROFIL, PAGE_UTVECKLING, PAGE_JAMFOR, PAGE_FORDELNING,
                                       PAGE_EXPORT), ("peer_lan", "region_lan", "exp_lan")),
    Param("grupp", _match(r"[A-C][0-9]{1,2}"), (PAGE_OVERSIKT, PAGE_PROFIL, PAGE_UTVECKLING, PAGE_JAMFOR,
                                                PAGE_FORDELNING, PAGE_EXPORT), ("peer_grupp", "region_grupp", "exp_grupp")),
    Param("egen", _flag, (PAGE_PROFIL, PAGE_FORDELNING), ("peer_egen", "dist_egen"), default=False,
          text=lambda on: "1"),
    Param("ref", _flag, (PAGE_PROFIL,), ("pick_ref",), default=False, text=lambda on: "1"),
    Param("karta", _one_of(("kanda", "total")), (PAGE_OVERSIKT,), ("pick_map",), default="total",
          url_values={"kanda": "known"}),
    Param("omrade", _one_of(("total", *AREA_CODES)), (PAGE_UTVECKLING, PAGE_FORDELNING, PAGE_SAMBAND, PAGE_FYND),
          ("pick_item", "pick_rank_item", "samband_omrade", "fynd_area"), default="total"),  # on the search page "total" = every area
    Param("kpi", _match(r"[A-Z][0-9]{5}"), (PAGE_SAMBAND,), ("samband_kpi",)),  # a Kolada KPI id, N00090
    # The findings search: its words (letters, digits, spaces and a few marks only) and the kind of finding.
    Param("q", _match(r"[\w\s\-'’.,:]{1,100}"), (PAGE_FYND,), ("fynd_text",)),
    Param("slag", _one_of(("strength", "improvement", "high_scorer", "example")), (PAGE_FYND,), ("fynd_kind",)),
    Param("sets", _list_of(_match(_SCORE_SET_ID)), (PAGE_JAMFOR,), ("pick_sets_*",), text=_join, many=True),
    Param("vy", _one_of(("bars", "radar")), (PAGE_JAMFOR,), ("pick_view",), default="bars"),
    Param("jmf", _one_of(PEER_GROUPS), (PAGE_PROFIL,), ("pick_peer_group",), default="version"),
    Param("k", lambda text: int(_match(r"[1-9][0-9]?")(text)), (PAGE_PROFIL,), default=DEFAULT_K),
    Param("indelning", _one_of(KOMMUNGRUPP_YEARS), (PAGE_PROFIL,), ("pick_peer_group_year",),
          default=DEFAULT_KOMMUNGRUPP_YEAR),
    Param("svagast", _flag, (PAGE_PROFIL,), ("pick_weakest",), default=False, text=lambda on: "1"),
    Param("niva", _one_of(LEVELS), (PAGE_EXPORT,), ("exp_niva",)),
    Param("fran", _year, (PAGE_EXPORT,), ("exp_years",)),  # one slider holds both ends
    Param("till", _year, (PAGE_EXPORT,), ("exp_years",)),
)
BY_NAME = {p.name: p for p in PARAMS}


def parse(name: str, text) -> Any:
    """The value of URL text for parameter name, or None when it does not read (a hostile or stale link)."""
    param = BY_NAME[name]
    if not isinstance(text, str) or text == "":
        return None
    try:
        value = param.parse(text.strip())
    except ValueError:
        return None
    return param.url_values.get(value, value) if param.url_values else value


def url_text(name: str, value) -> str | None:
    """The canonical URL text of a value; None when the parameter is left out (empty or its default)."""
    param = BY_NAME[name]
    if param.many and isinstance(value, str):
        value = [value]
    if value is None or value == "" or value == [] or value == param.default:
        return None
    if param.url_values:
        value = {v: k for k, v in param.url_values.items()}.get(value, value)
    return param.text(value)


def get(name: str) -> Any:
    """The parameter's value: from the URL when it reads, else this session's memory of it, else None."""
    value = parse(name, st.query_params.get(name))
    if value is not None:
        return value
    return st.session_state.get(MEMORY + name)


def put(name: str, value) -> None:
    """Write the parameter in its canonical form (empty or default removes it) and remember it for the session."""
    text = url_text(name, value)
    if text is None:
        if name in st.query_params:
            del st.query_params[name]
        st.session_state.pop(MEMORY + name, None)
        return
    if st.query_params.get(name) != text:
        st.query_params[name] = text
    st.session_state[MEMORY + name] = parse(name, text)


def first(name: str):
    """The first item of a list parameter (a trend link's kommun=2417,2282 gives 2417), else None."""
    values = get(name)
    return values[0] if values else None


def query(**values) -> dict[str, str]:
    """Canonical query parameters for a link to another page (empty and default values left out)."""
    found = {name: url_text(name, value) for name, value in values.items()}
    return {name: text for name, text in found.items() if text is not None}


def drop_unreadable() -> None:
    """Remove declared parameters whose text does not read, so a hostile link leaves no trace in the URL."""
    for name in BY_NAME:
        if name in st.query_params and parse(name, st.query_params.get(name)) is None:
            del st.query_params[name]


def declared(name: str, key: str) -> None:
    """Refuse a widget key the table does not declare for this parameter (the table stays the one truth)."""
    if not any(fnmatchcase(key, pattern) for pattern in BY_NAME[name].widgets):
        raise KeyError(f"widget {key!r} is not declared for URL parameter {name!r} in kompass_ui/urlstate.py")


def seed(key: str, options: list, candidates, many: bool = False) -> None:
    """Give the widget `key` its first value (the first candidate among options) unless it holds a valid one.

    A multiselect the user has emptied keeps its empty list, so removing the last item is possible.
    """
    current = st.session_state.get(key)
    # A valid value is written back, not just kept: Streamlit drops a widget's value when the widget's id
    # changes, and it does on a session's second run when the process started in its legacy pages/ mode
    # (the id carries the running script's hash): ?lang=en turned Swedish on the first rerun.
    if many and isinstance(current, list):
        valid = [c for c in current if c in options]
        if valid or not current:  # an empty list is the user's choice (all removed): never refill it
            st.session_state[key] = valid
            return
    elif not many and current is not None and current in options:
        st.session_state[key] = current
        return
    for cand in candidates:
        if many:
            cand = [c for c in (cand or []) if c in options]
            if cand:
                st.session_state[key] = cand
                return
        elif cand is not None and cand in options:
            st.session_state[key] = cand
            return
    st.session_state[key] = [] if many else (options[0] if options else None)


def prepare(name: str, key: str, options=None, fallback=(), many: bool = False) -> None:
    """Seed widget `key`, which holds parameter `name`: from the URL, else the session's memory, else fallback.

    options=None is a checkbox. Called by widget(); call it first only where something above the
    widget needs its value (the peer filters' expander names them).
    """
    declared(name, key)
    param = BY_NAME[name]
    wanted = get(name)
    if options is None:
        if key not in st.session_state:
            st.session_state[key] = bool(wanted) if wanted is not None else bool(param.default)
        return
    if param.many and not many:
        wanted = wanted[0] if wanted else None
    seed(key, list(options), [wanted, *fallback, [] if many else param.default], many=many)


def widget(name: str, draw: Callable, label: str, options=None, *, key: str, fallback=(), **kwargs):
    """Draw a widget (st.selectbox, radio, multiselect or checkbox) that holds parameter `name`.

    Seeded by prepare(); its value is written back to the URL in canonical form and remembered.
    """
    prepare(name, key, options, fallback, many=getattr(draw, "__name__", "") == "multiselect")
    value = draw(label, key=key, **kwargs) if options is None else draw(label, options, key=key, **kwargs)
    put(name, value)
    return value
