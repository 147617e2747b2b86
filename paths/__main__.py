"""`python -m paths ...`: see `paths.cli.main`."""

from paths.cli.main import main

raise SystemExit(main())
