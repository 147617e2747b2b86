"""Polku's domain package: service paths as stage graphs. No Streamlit here."""
