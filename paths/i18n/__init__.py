"""The translation catalog (fi, sv, en) and locale-aware formatting."""
