"""Path analytics: the figures of a path in a view (`figures`), the compare of two paths (`compare`), their
text/JSON/CSV forms (`output`), the portfolio of pain points and opportunities (`portfolio`), the current and
target link (`links`) and the multi-sheet XLSX writer they share (`xlsx`). Plain Python, no Streamlit."""
