"""``python -m netbench`` opens the workbench."""

from netbench.app import main

raise SystemExit(main())
