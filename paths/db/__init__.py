"""One database layer for every store: engines, pragmas, the write policy, migrations, timestamps."""
