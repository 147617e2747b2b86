"""Paths in and out of files: YAML/JSON, spreadsheets, the published JSON Schema."""
