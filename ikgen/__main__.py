"""``python -m ikgen``: the same as the ``ikgen`` command."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
