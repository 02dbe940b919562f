"""Widget panels, one module per step. The only part of infoview that imports ipywidgets."""
