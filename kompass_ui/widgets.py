"""Shared pickers whose state lives in the URL (declared in urlstate.PARAMS), so a copied link reproduces the view."""

from __future__ import annotations

import streamlit as st

from kompass_data import PeerFilter
from kompass_data.compare import ScoreSetRef, default_version, ref_from_row, versions_with_scores
from kompass_data.names import swedish_key
from kompass_data.peers import DEFAULT_K, DEFAULT_KOMMUNGRUPP_YEAR, GROUPS, KOMMUNGRUPP_YEARS, PeerGroup
from kompass_data.regions import group_names, lan_names

from . import urlstate as url
from .state import t

DEFAULT_KOMMUN = "2417"  # Norsjö: the seed report, the one fully published profile


def labelled(options, label):
    """A format_func with every label computed now, in this run's language (not when Streamlit calls it)."""
    return dict((o, label(o)) for o in options).__getitem__


def first_code() -> str | None:
    """The first municipality code of ?kommun= (a trend link carries several: 2417,2282), else None."""
    return url.first("kommun")


def municipality_options(ds) -> list[str]:
    """Codes of all municipalities (290), in Swedish order of their names (… Z, Å, Ä, Ö)."""
    names = ds.municipality_names
    return ds.derived(("municipality_options",), lambda: sorted(names, key=lambda c: swedish_key(names.get(c, c))))


def municipality_label(ds, code: str) -> str:
    """'Norsjö (2417)'."""
    return f"{ds.municipality_names.get(code, code)} ({code})"


def municipality_picker(ds, key: str = "pick_kommun") -> str:
    """One municipality, bound to ?kommun=."""
    options = municipality_options(ds)
    default = DEFAULT_KOMMUN if DEFAULT_KOMMUN in options else options[0]
    return url.widget("kommun", st.selectbox, t("ui.pick.kommun"), options, key=key, fallback=[default],
                      format_func=lambda c: municipality_label(ds, c))


def municipalities_picker(ds, key: str = "pick_kommuner", within: list[str] | None = None) -> list[str]:
    """One or more municipalities, bound to ?kommun=2417,2282; within: only these codes are offered (a region)."""
    options = municipality_options(ds)
    if within is not None:
        allowed = set(within)
        options = [c for c in options if c in allowed]
    default = [DEFAULT_KOMMUN] if DEFAULT_KOMMUN in options else options[:1]
    return url.widget("kommun", st.multiselect, t("ui.pick.kommuner"), options, key=key, fallback=[default],
                      format_func=lambda c: municipality_label(ds, c), placeholder=t("ui.placeholder.choose"))


def score_set_label(ref: ScoreSetRef) -> str:
    """'2018 · version 2016' (· egen analys)."""
    text = f"{ref.year} · {t('ui.fig.version')} {ref.instrument_version}"
    if ref.evaluation_kind == "self":
        text += f" · {t('ui.kind.self')}"
    return text


def score_set_picker(ds, kommun: str, key: str = "pick_ar") -> ScoreSetRef:
    """One score set of kommun, bound to ?ar= (plus ?version=/&typ= when a year has several)."""
    def build() -> dict[str, ScoreSetRef]:
        sets = ds.score_sets[ds.score_sets["kommunkod"] == kommun].copy()
        sets["_full"] = sets["evaluation_kind"].astype(str) == "full"
        sets = sets.sort_values(["year", "_full"], ascending=[False, False])
        return {row["score_set_id"]: ref_from_row(row) for _i, row in sets.iterrows()}

    refs = ds.derived(("score_set_refs", kommun), build)  # newest first, an external evaluation before a self-assessment
    options = list(refs)
    wanted_year, wanted_version, wanted_kind = url.get("ar"), url.get("version"), url.get("typ")
    candidates = []
    for sid, ref in refs.items():
        if ref.year == wanted_year:
            score = (wanted_version in (None, ref.instrument_version)) + (wanted_kind in (None, ref.evaluation_kind))
            candidates.append((-score, sid))
    ordered = [sid for _s, sid in sorted(candidates)] + options[:1]
    url.seed(key, options, ordered)
    sid = st.selectbox(t("ui.pick.score_set"), options, key=key, format_func=labelled(options, lambda s: score_set_label(refs[s])))
    ref = refs[sid]
    same_year = [r for r in refs.values() if r.year == ref.year]
    url.put("ar", ref.year)
    ambiguous_version = len({r.instrument_version for r in same_year}) > 1
    ambiguous_kind = len({(r.instrument_version, r.evaluation_kind) for r in same_year}) > len({r.instrument_version for r in same_year})
    url.put("version", ref.instrument_version if ambiguous_version else None)
    url.put("typ", ref.evaluation_kind if ambiguous_kind else None)
    return ref


def version_picker(ds, default: str | None = None, key: str = "pick_version") -> str:
    """One instrument version among those with score sets, bound to ?version= (else default, else the data's default)."""
    options = versions_with_scores(ds)
    return url.widget(
        "version", st.selectbox, t("ui.pick.version"), options, key=key, fallback=[default, default_version(ds)],
        format_func=labelled(options, lambda v: t("ui.version_option", version=v, period=ds.registry.period_text(v))),
    )


def _peer_filter_options(ds) -> tuple[dict, dict]:
    return lan_names(ds), group_names(ds)


def lan_select(ds, key: str) -> str:
    """The county picker ('' = all counties), bound to ?lan=: the same widget and words on every page."""
    names = lan_names(ds)
    return _region_select("lan", names, key, t("ui.pick.lan"), t("ui.all_lan"), lambda c: f"{names[c]} ({c})")


def grupp_select(ds, key: str) -> str:
    """The municipality-group picker ('' = all groups), bound to ?grupp=: the same on every page."""
    names = group_names(ds)
    return _region_select("grupp", names, key, t("ui.pick.grupp"), t("ui.all_grupp"), lambda c: f"{c} {names[c]}")


def _region_select(param: str, names: dict[str, str], key: str, label: str, everything: str, shown) -> str:
    """A selectbox of '' (everything) and the codes of names, bound to ?param=."""
    options = ["", *names]
    return url.widget(param, st.selectbox, label, options, key=key, fallback=[""],
                      format_func=labelled(options, lambda c: everything if c == "" else shown(c)))


def region_filter(ds) -> tuple[str | None, str | None]:
    """County and municipality group side by side (Översikt, Jämför, Fördelning, Utveckling): (lan, grupp), None for all."""
    cols = st.columns(2)
    with cols[0]:
        lan = lan_select(ds, "region_lan")
    with cols[1]:
        grupp = grupp_select(ds, "region_grupp")
    return lan or None, grupp or None


def region_text(ds, lan: str | None, grupp: str | None) -> str:
    """The region in words ('Västerbottens län, C8 Landsbygdskommun'); '' without a filter."""
    parts = []
    if lan:
        parts.append(str(lan_names(ds).get(lan, lan)))
    if grupp:
        parts.append(f"{grupp} {group_names(ds).get(grupp, '')}".strip())
    return ", ".join(parts)


def seed_peer_filters(ds, key_prefix: str = "peer") -> PeerFilter:
    """Give the peer filter widgets their values (URL, memory, else none) and return the filter they hold.

    Called before the widgets are drawn, so a label above them (the expander's) can name the active filters.
    """
    lan_names, group_names = _peer_filter_options(ds)
    url.prepare("lan", f"{key_prefix}_lan", ["", *lan_names], [""])
    url.prepare("grupp", f"{key_prefix}_grupp", ["", *group_names], [""])
    url.prepare("egen", f"{key_prefix}_egen")
    return PeerFilter(lan=st.session_state[f"{key_prefix}_lan"] or None,
                      kommungrupp=st.session_state[f"{key_prefix}_grupp"] or None,
                      include_self=bool(st.session_state[f"{key_prefix}_egen"]))


def peer_filter_text(ds, flt: PeerFilter) -> str:
    """The active peer filters in words ('Västerbottens län, C8, med egna analyser'); '' when none."""
    lan_names, _groups = _peer_filter_options(ds)
    parts = []
    if flt.lan:
        parts.append(str(lan_names.get(flt.lan, flt.lan)))
    if flt.kommungrupp:
        parts.append(str(flt.kommungrupp))
    if flt.include_self:
        parts.append(t("ui.profile.with_self"))
    return ", ".join(parts)


def peer_filter_widgets(ds, key_prefix: str = "peer") -> PeerFilter:
    """County, kommungrupp and self-assessment filters for peers, bound to ?lan=, ?grupp=, ?egen=1."""
    cols = st.columns(3)
    with cols[0]:
        lan = lan_select(ds, f"{key_prefix}_lan")
    with cols[1]:
        grupp = grupp_select(ds, f"{key_prefix}_grupp")
    with cols[2]:
        st.write("")
        egen = url.widget("egen", st.checkbox, t("ui.pick.egen"), key=f"{key_prefix}_egen")
    return PeerFilter(lan=lan or None, kommungrupp=grupp or None, include_self=egen)


def peer_group_picker(key: str = "pick_peer_group") -> PeerGroup:
    """The named peer group (version, kommungrupp, size, lan, similar), bound to ?jmf=, ?k=, ?indelning=."""
    cols = st.columns([2, 1, 1])
    with cols[0]:
        name = url.widget("jmf", st.selectbox, t("ui.peers.picker"), list(GROUPS), key=key,
                          format_func=labelled(GROUPS, lambda g: t(f"ui.peers.option.{g}")))
    k, year = DEFAULT_K, DEFAULT_KOMMUNGRUPP_YEAR
    if name == "similar":
        if f"{key}_k" not in st.session_state:
            st.session_state[f"{key}_k"] = url.get("k") or DEFAULT_K
        with cols[1]:
            k = int(st.number_input(t("ui.peers.k"), min_value=1, max_value=50, step=1, key=f"{key}_k"))
    url.put("k", k if name == "similar" else None)
    if name in ("kommungrupp", "similar"):
        with cols[2]:
            year = url.widget("indelning", st.selectbox, t("ui.peers.classification"), list(KOMMUNGRUPP_YEARS),
                              key=f"{key}_year", format_func=lambda y: f"SKR {y}")
    else:
        url.put("indelning", None)
    return PeerGroup(name, k=k, kommungrupp_year=year)


def item_picker(labels: dict[str, str], key: str = "pick_item") -> str:
    """'total' or an area code, bound to ?omrade=."""
    options = list(labels)
    return url.widget(
        "omrade", st.selectbox, t("ui.pick.item"), options, key=key,
        format_func=labelled(options, lambda c: labels[c] if c == "total" else f"{c}. {labels[c]}"),
    )


def year_range_picker(label: str, lo: int, hi: int, key: str) -> tuple[int, int]:
    """A slider of years, bound to ?fran= and ?till= (each left out at its end of the range)."""
    url.declared("fran", key)
    url.declared("till", key)
    if key not in st.session_state:
        start, end = url.get("fran") or lo, url.get("till") or hi
        st.session_state[key] = (max(lo, min(start, hi)), max(lo, min(end, hi)))
    years = st.slider(label, lo, hi, key=key)
    url.put("fran", years[0] if years[0] != lo else None)
    url.put("till", years[1] if years[1] != hi else None)
    return years
