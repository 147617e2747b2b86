"""Polku, the service-path studio: the Streamlit entry point (`streamlit run app.py`).

The frame (pages, routing, language, store) is components/shell.py.
"""

from components.shell import main

main()
