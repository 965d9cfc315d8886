"""``python -m ikgen.cli``: the same as the ``ikgen`` command."""

from __future__ import annotations

import sys

from . import main

sys.exit(main())
