"""A client's personal path: its model, its own store and its PDFs."""
