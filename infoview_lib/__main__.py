"""`python -m infoview_lib` is the same as `infoview`."""

from .cli import run

if __name__ == "__main__":
    run()
