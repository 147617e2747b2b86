"""`python -m paths ...`: see `paths.cli`."""

from paths.cli import main

raise SystemExit(main())
