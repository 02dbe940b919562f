"""Render a Document as one self-contained HTML page (jinja2, autoescaped, print-friendly).

The page needs nothing else: styles are inline, the map is a base64 PNG, and a Content
Security Policy forbids scripts and outside requests, so even a name that looks like
`<script>` could never run (it is escaped text anyway).

Example:
    >>> from .document import Document, Para
    >>> page = render_html(Document("Plan", blocks=[Para("<script>alert(1)</script>")]))
    >>> "&lt;script&gt;alert(1)&lt;/script&gt;" in page, "<script>" in page
    (True, False)
"""

from __future__ import annotations

import base64

import jinja2

from .document import Bullets, Document, Fields, Grid, Heading, Image, PageBreak, Para

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy"
      content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="infoview">
<title>{{ doc.title }}</title>
<style>
  body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans CJK SC", Arial, sans-serif;
         max-width: 52em; margin: 2em auto; padding: 0 1em; color: #1f2328; line-height: 1.45; }
  h1 { font-size: 1.6em; margin-bottom: 0.1em; }
  h2 { font-size: 1.25em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; margin-top: 1.6em; }
  h3 { font-size: 1.1em; margin-top: 1.2em; }
  .subtitle, .muted { color: #59636e; }
  table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 0.92em; }
  th, td { border: 1px solid #d0d7de; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
  th { background: #f6f8fa; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; }
  dt { font-weight: bold; } dd { margin: 0; white-space: pre-wrap; }
  ul.checks { list-style: none; padding-left: 0.5em; }
  figure { margin: 1em 0; } figure img { max-width: 100%; height: auto; border: 1px solid #d0d7de; }
  figcaption { color: #59636e; font-size: 0.9em; }
  .page-break { break-after: page; }
  @media print {
    body { margin: 0; max-width: none; font-size: 10.5pt; }
    h2, h3 { break-after: avoid; }
    table, figure, dl { break-inside: avoid; }
    a { color: inherit; text-decoration: none; }
  }
</style>
</head>
<body>
<h1>{{ doc.title }}</h1>
{% if doc.subtitle %}<p class="subtitle">{{ doc.subtitle }}</p>{% endif %}
{% for kind, b in blocks %}
{% if kind == "Heading" %}<h{{ b.level }}>{{ b.text }}</h{{ b.level }}>
{% elif kind == "Para" %}<p{% if b.muted %} class="muted"{% endif %}>{{ b.text }}</p>
{% elif kind == "Fields" %}<dl>{% for k, v in b.items if v %}<dt>{{ k }}</dt><dd>{{ v }}</dd>{% endfor %}</dl>
{% elif kind == "Bullets" %}{% if b.checkboxes %}<ul class="checks">{% for item, done in zip(b.items, b.checkboxes) %}<li>{{ "\u2611" if done else "\u2610" }} {{ item }}</li>{% endfor %}</ul>
{% else %}<ul>{% for item in b.items %}<li>{{ item }}</li>{% endfor %}</ul>{% endif %}
{% elif kind == "Grid" %}<table><thead><tr>{% for c in b.columns %}<th>{{ c }}</th>{% endfor %}</tr></thead>
<tbody>{% for row in b.rows %}<tr>{% for c in row %}<td>{{ c }}</td>{% endfor %}</tr>{% endfor %}</tbody></table>
{% elif kind == "Image" %}<figure><img alt="{{ b.alt }}" src="data:image/png;base64,{{ b64(b.png) }}">
{% if b.caption %}<figcaption>{{ b.caption }}</figcaption>{% endif %}</figure>
{% elif kind == "PageBreak" %}<div class="page-break"></div>
{% endif %}
{% endfor %}
</body>
</html>
"""

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                          trim_blocks=True, lstrip_blocks=True)
_ENV.globals.update(zip=zip, b64=lambda data: base64.b64encode(data).decode("ascii"))
_TEMPLATE = _ENV.from_string(TEMPLATE)
_KNOWN = (Heading, Para, Fields, Bullets, Grid, Image, PageBreak)


def render_html(doc: Document) -> str:
    """The document as one HTML page (UTF-8 text)."""
    blocks = []
    for block in doc.blocks:
        if not isinstance(block, _KNOWN):
            raise TypeError(f"cannot render {type(block).__name__}")
        if isinstance(block, Heading):
            block = Heading(block.text, min(max(block.level, 2), 4))
        blocks.append((type(block).__name__, block))
    return _TEMPLATE.render(doc=doc, blocks=blocks)
