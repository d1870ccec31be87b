"""``python -m alternance_tui``: the same as the ``alternance`` command."""

from alternance_tui.cli.main import main

raise SystemExit(main())
