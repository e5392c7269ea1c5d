"""Egna data: upload or paste a table or a report -> validation report -> score sets for this session only."""

import hashlib

import streamlit as st

from kompass_data.schema import CANONICAL_COLUMNS
from kompass_data.tables import MAX_TABLE_ROWS
from kompass_ui.safe import run_page
from kompass_ui.state import add_upload, dataset, lang, remove_upload, shipped_dataset, t, uploads
from kompass_ui.upload import MAX_BYTES, MAX_MB, process_bytes, process_text
from kompass_ui.views import md

OUTCOMES = "_upload_outcomes"  # source ("file"/"text") -> (content hash + language, UploadOutcome)


def main() -> None:
    st.title(t("ui.page.egna_data"))
    st.markdown(t("ui.upload.intro"))
    st.info(t("ui.upload.private"), icon=":material/lock:")
    with st.expander(t("ui.upload.format")):
        st.code(",".join(CANONICAL_COLUMNS), language=None)
        st.markdown(t("ui.upload.format_help"))

    shipped = shipped_dataset()  # validate against the shipped references, never a user's upload
    file = st.file_uploader(t("ui.upload.file", mb=MAX_MB), type=["csv", "xlsx", "pdf", "txt"], key="upload_file",
                            max_upload_size=MAX_MB)
    st.caption(t("ui.upload.limit", mb=MAX_MB, rows=MAX_TABLE_ROWS))  # the cap said in text, not only a red mark
    if file is not None:
        raw = file.getvalue()
        _show(_outcome("file", raw + file.name.encode("utf-8"), lambda: process_bytes(raw, file.name, shipped, lang())),
              "file")
    text = st.text_area(t("ui.upload.paste", mb=MAX_MB), key="upload_text", height=180,
                        placeholder=t("ui.upload.paste_hint"), max_chars=MAX_BYTES)
    if text.strip():
        _show(_outcome("text", text.encode("utf-8"), lambda: process_text(text, shipped, lang())), "text")

    st.header(t("ui.upload.session_title"))
    ups = uploads()
    if not ups:
        st.caption(t("ui.upload.session_empty"))
        return
    ds = dataset()
    session_sets = ds.score_sets[ds.score_sets["origin"] == "session"]
    st.caption(t("ui.upload.session_count", n=len(session_sets)))
    st.dataframe(session_sets[["municipality", "year", "instrument_version", "evaluation_kind", "total", "n_areas",
                               "n_subareas", "n_flags"]], hide_index=True)
    for key, up in list(ups.items()):
        if st.button(t("ui.upload.remove", name=md(up["name"])), key=f"remove_{key}"):
            remove_upload(key)
            st.rerun()


def _outcome(source: str, raw: bytes, compute):
    """Validate each distinct content once per session and language, the file and the pasted text apart.

    One entry per source (contents can be large), so a rerun caused by the other source or any widget
    does not read a PDF again.
    """
    key = hashlib.sha256(raw).hexdigest()[:16] + lang()
    cache = st.session_state.setdefault(OUTCOMES, {})
    if cache.get(source, (None,))[0] != key:
        cache[source] = (key, compute())
    return cache[source][1]


def _show(outcome, source: str) -> None:
    st.header(t("ui.upload.report_title", name=md(outcome.name)))
    if outcome.kind == "report" and outcome.summary:
        st.text(outcome.summary)
    if outcome.kind == "report" and not outcome.flags.empty:
        st.warning(t("ui.upload.flags", n=len(outcome.flags)), icon=":material/flag:")
        st.dataframe(outcome.flags.rename(columns={"where": t("ui.upload.col_where"), "message": t("ui.col.flags")}),
                     hide_index=True)
    if outcome.error:
        st.error(md(outcome.error))
    if not outcome.problems.empty:
        st.caption(t("ui.upload.problems", n=len(outcome.problems)))
        st.dataframe(outcome.problems, hide_index=True)
    if not outcome.ok:
        st.caption(t("ui.upload.nothing_added"))
        return
    st.success(t("ui.upload.valid", rows=len(outcome.scores), sets=len(outcome.sets)))
    st.dataframe(outcome.sets, hide_index=True)
    if st.button(t("ui.upload.add"), key=f"add_{source}", type="primary"):
        add_upload(outcome.name, outcome.scores)
        st.success(t("ui.upload.added"))


run_page(main)
