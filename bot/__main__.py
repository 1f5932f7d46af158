"""python -m bot → the rumourbot command line."""

import sys

from bot.cli import main

sys.exit(main())
