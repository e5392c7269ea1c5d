"""Streamlit glue for the dashboard: cached data, URL-bound pickers, the page error boundary."""
