"""The editor page as a package: page.py (the page), state.py (its session state, on
`paths.editing.session`), step_form.py, table.py, stages_actors.py, conflicts.py (saving and the
conflict screen), new_path.py (the new-path dialog) and canvas.py (the drag-and-drop canvas)."""
