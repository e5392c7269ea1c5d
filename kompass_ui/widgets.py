"""Shared pickers whose state lives in the URL, so a copied link reproduces the view.

URL parameters: kommun (4-digit code, comma-separated where several), ar (year of the score set),
version, typ (full/self, only when a year is ambiguous), lan, grupp, egen (1 = include
self-assessments in peers). Values are also remembered for the session, so a page reached from the
sidebar (which drops the query string) opens on the municipality last looked at.
"""

from __future__ import annotations

import streamlit as st

from kompass_data import PeerFilter
from kompass_data.compare import ScoreSetRef, default_version, ref_from_row, versions_with_scores
from kompass_data.names import fold

from .state import t

MEMORY = "_mem_"
DEFAULT_KOMMUN = "2417"  # Norsjö: the seed report, the one fully published profile


def set_param(param: str, value: str | None) -> None:
    """Write one URL parameter (None or '' removes it) and remember it for the session."""
    if value in (None, ""):
        if param in st.query_params:
            del st.query_params[param]
        st.session_state.pop(MEMORY + param, None)
    else:
        if st.query_params.get(param) != value:
            st.query_params[param] = value
        st.session_state[MEMORY + param] = value


def get_param(param: str) -> str | None:
    """The URL parameter, else the session's memory of it."""
    value = st.query_params.get(param)
    if value not in (None, ""):
        return str(value)
    return st.session_state.get(MEMORY + param)


def seed(key: str, options: list, candidates) -> None:
    """Give the widget `key` its first value (from URL/memory/default) unless it already holds a valid one.

    A multiselect the user has emptied keeps its empty list, so removing the last item is possible.
    """
    current = st.session_state.get(key)
    if isinstance(current, list):
        valid = [c for c in current if c in options]
        if valid or not current:  # an empty list is the user's choice (all removed): never refill it
            if valid != current:
                st.session_state[key] = valid
            return
    elif current in options:
        return
    for cand in candidates:
        if isinstance(cand, list):
            cand = [c for c in cand if c in options]
            if cand:
                st.session_state[key] = cand
                return
        elif cand in options:
            st.session_state[key] = cand
            return
    st.session_state[key] = options[0] if options else None


def labelled(options, label):
    """A format_func with every label computed now, in this run's language (not when Streamlit calls it)."""
    return dict((o, label(o)) for o in options).__getitem__


def _codes(text: str | None) -> list[str]:
    if not text:
        return []
    return [c.strip().zfill(4) for c in str(text).split(",") if c.strip()]


def first_code(param: str = "kommun") -> str | None:
    """The first municipality code of ?kommun= (a trend link carries several: 2417,2282), else None."""
    codes = _codes(get_param(param))
    return codes[0] if codes else None


def municipality_options(ds) -> list[str]:
    """Codes of municipalities with at least one score set, sorted by name."""
    names = ds.municipality_names
    return sorted(set(ds.score_sets["kommunkod"]), key=lambda c: fold(names.get(c, c)))


def municipality_label(ds, code: str) -> str:
    """'Norsjö (2417)'."""
    return f"{ds.municipality_names.get(code, code)} ({code})"


def municipality_picker(ds, key: str = "pick_kommun") -> str:
    """One municipality, bound to ?kommun=."""
    options = municipality_options(ds)
    default = DEFAULT_KOMMUN if DEFAULT_KOMMUN in options else options[0]
    seed(key, options, [c for c in _codes(get_param("kommun"))[:1]] + [default])
    code = st.selectbox(t("ui.pick.kommun"), options, key=key, format_func=lambda c: municipality_label(ds, c))
    set_param("kommun", code)
    return code


def municipalities_picker(ds, key: str = "pick_kommuner") -> list[str]:
    """One or more municipalities, bound to ?kommun=2417,2282."""
    options = municipality_options(ds)
    default = [DEFAULT_KOMMUN] if DEFAULT_KOMMUN in options else options[:1]
    seed(key, options, [_codes(get_param("kommun")), default])
    codes = st.multiselect(t("ui.pick.kommuner"), options, key=key, format_func=lambda c: municipality_label(ds, c))
    set_param("kommun", ",".join(codes))
    return codes


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
    wanted_year, wanted_version, wanted_kind = get_param("ar"), get_param("version"), get_param("typ")
    candidates = []
    for sid, ref in refs.items():
        if str(ref.year) == wanted_year:
            score = (wanted_version in (None, ref.instrument_version)) + (wanted_kind in (None, ref.evaluation_kind))
            candidates.append((-score, sid))
    ordered = [sid for _s, sid in sorted(candidates)] + options[:1]
    seed(key, options, ordered)
    sid = st.selectbox(t("ui.pick.score_set"), options, key=key, format_func=labelled(options, lambda s: score_set_label(refs[s])))
    ref = refs[sid]
    same_year = [r for r in refs.values() if r.year == ref.year]
    set_param("ar", str(ref.year))
    ambiguous_version = len({r.instrument_version for r in same_year}) > 1
    ambiguous_kind = len({(r.instrument_version, r.evaluation_kind) for r in same_year}) > len({r.instrument_version for r in same_year})
    set_param("version", ref.instrument_version if ambiguous_version else None)
    set_param("typ", ref.evaluation_kind if ambiguous_kind else None)
    return ref


def version_picker(ds, default: str | None = None, key: str = "pick_version") -> str:
    """One instrument version among those with score sets, bound to ?version= (else default, else the data's default)."""
    options = versions_with_scores(ds)
    seed(key, options, [get_param("version"), default, default_version(ds)])
    version = st.selectbox(
        t("ui.pick.version"), options, key=key,
        format_func=labelled(options, lambda v: t("ui.version_option", version=v, period=ds.registry.period_text(v))),
    )
    set_param("version", version)
    return version


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
    seed(f"{key_prefix}_lan", ["", *lan_names], [get_param("lan"), ""])
    seed(f"{key_prefix}_grupp", ["", *group_names], [get_param("grupp"), ""])
    if f"{key_prefix}_egen" not in st.session_state:
        st.session_state[f"{key_prefix}_egen"] = get_param("egen") == "1"
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
    seed_peer_filters(ds, key_prefix)
    cols = st.columns(3)
    lan_options = ["", *lan_names]
    with cols[0]:
        lan = st.selectbox(
            t("ui.pick.lan"), lan_options, key=f"{key_prefix}_lan",
            format_func=labelled(lan_options, lambda c: t("ui.all_lan") if c == "" else f"{lan_names[c]} ({c})"),
        )
    group_options = ["", *group_names]
    with cols[1]:
        grupp = st.selectbox(
            t("ui.pick.grupp"), group_options, key=f"{key_prefix}_grupp",
            format_func=labelled(group_options, lambda c: t("ui.all_grupp") if c == "" else f"{c} {group_names[c]}"),
        )
    with cols[2]:
        st.write("")
        egen = st.checkbox(t("ui.pick.egen"), key=f"{key_prefix}_egen")
    set_param("lan", lan or None)
    set_param("grupp", grupp or None)
    set_param("egen", "1" if egen else None)
    return PeerFilter(lan=lan or None, kommungrupp=grupp or None, include_self=egen)


def item_picker(labels: dict[str, str], key: str = "pick_item", param: str = "omrade") -> str:
    """'total' or an area code, bound to ?omrade=."""
    options = list(labels)
    seed(key, options, [get_param(param), "total"])
    code = st.selectbox(
        t("ui.pick.item"), options, key=key,
        format_func=labelled(options, lambda c: labels[c] if c == "total" else f"{c}. {labels[c]}"),
    )
    set_param(param, None if code == "total" else code)
    return code
