"""The floor plus the data stack: hello_app.py after importing pandas and pyarrow, as any Parquet-reading app must."""

import pandas  # noqa: F401  (the import is the measure)
import pyarrow.parquet  # noqa: F401
import plotly.graph_objects as go
import streamlit as st

st.title("Hello")
options = [f"Kommun {i}" for i in range(1, 11)]
choice = st.selectbox("Kommun", options)
n = options.index(choice) + 1
areas = [f"Område {i}" for i in range(1, 9)]
values = [(n * 7 + i * 13) % 100 for i in range(8)]
fig = go.Figure(go.Bar(x=areas, y=values, name=choice))
fig.update_layout(title=choice, yaxis_range=[0, 100])
st.plotly_chart(fig)
