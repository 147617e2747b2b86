"""Edits of a path as pure functions, the editor's session state machine, missing translations."""
