"""Shared pickers whose state lives in the URL (declared in urlstate.PARAMS), so a copied link reproduces the view."""

from __future__ import annotations

import streamlit as st

from kompass_data import PeerFilter
from kompass_data.compare import ScoreSetRef, default_version, ref_from_row, versions_with_scores
from kompass_data.names import swedish_key
from kompass_data.peers import DEFAULT_K, DEFAULT_KOMMUNGRUPP_YEAR, GROUPS, KOMMUNGRUPP_YEARS, PeerGroup

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
    return sorted(names, key=lambda c: swedish_key(names.get(c, c)))


def municipality_label(ds, code: str) -> str:
    """'Norsjö (2417)'."""
    return f"{ds.municipality_names.get(code, code)} ({code})"


def municipality_picker(ds, key: str = "pick_kommun") -> str:
    """One municipality, bound to ?kommun=."""
    options = municipality_options(ds)
    default = DEFAULT_KOMMUN if DEFAULT_KOMMUN in options else options[0]
    return url.widget("kommun", st.selectbox, t("ui.pick.kommun"), options, key=key, fallback=[default],
                      format_func=lambda c: municipality_label(ds, c))


def municipalities_picker(ds, key: str = "pick_kommuner") -> list[str]:
    """One or more municipalities, bound to ?kommun=2417,2282."""
    options = municipality_options(ds)
    default = [DEFAULT_KOMMUN] if DEFAULT_KOMMUN in options else options[:1]
    return url.widget("kommun", st.multiselect, t("ui.pick.kommuner"), options, key=key, fallback=[default],
                      format_func=lambda c: municipality_label(ds, c))


def score_set_label(ref: ScoreSetRef) -> str:
    """'2018 · version 2016' (· egen analys)."""
    text = f"{ref.year} · {t('ui.fig.version')} {ref.instrument_version}"
    if ref.evaluation_kind == "self":
        text += f" · {t('ui.kind.self')}"
    return text


def score_set_picker(ds, kommun: str, key: str = "pick_ar") -> ScoreSetRef:
    """One score set of kommun, bound to ?ar= (plus ?version=/&typ= when a year has several)."""
    sets = ds.score_sets[ds.score_sets["kommunkod"] == kommun].copy()
    sets["_full"] = sets["evaluation_kind"].astype(str) == "full"
    sets = sets.sort_values(["year", "_full"], ascending=[False, False])
    refs = {row["score_set_id"]: ref_from_row(row) for _i, row in sets.iterrows()}
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
    munis = ds.municipalities
    lans = munis.drop_duplicates("lan_kod").sort_values("lan_kod")
    groups = munis.drop_duplicates("kommungrupp_2017_code").sort_values("kommungrupp_2017_code")
    return (dict(zip(lans["lan_kod"], lans["lan_name"])),
            dict(zip(groups["kommungrupp_2017_code"], groups["kommungrupp_2017_name"])))


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
    lan_names, group_names = _peer_filter_options(ds)
    cols = st.columns(3)
    lan_options = ["", *lan_names]
    with cols[0]:
        lan = url.widget(
            "lan", st.selectbox, t("ui.pick.lan"), lan_options, key=f"{key_prefix}_lan", fallback=[""],
            format_func=labelled(lan_options, lambda c: t("ui.all_lan") if c == "" else f"{lan_names[c]} ({c})"),
        )
    group_options = ["", *group_names]
    with cols[1]:
        grupp = url.widget(
            "grupp", st.selectbox, t("ui.pick.grupp"), group_options, key=f"{key_prefix}_grupp", fallback=[""],
            format_func=labelled(group_options, lambda c: t("ui.all_grupp") if c == "" else f"{c} {group_names[c]}"),
        )
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
