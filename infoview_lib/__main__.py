"""`python -m infoview_lib` is the same as `infoview`."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
