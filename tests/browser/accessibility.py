"""Accessibility checks for a page in Chromium: axe-core plus what axe does not check.

Example (in a browser test):
    problems = audit(page, ".jp-OutputArea")
    assert problems == []
"""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SERIOUS = ("critical", "serious")
CONTROLS = ("input:not([type=hidden]), select, textarea, button, [role=slider], "
            "[role=combobox], [role=listbox], [role=checkbox], [role=radio], [role=textbox]")

_CONTRAST_JS = """
function lum(rgb) {
  const c = rgb.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}
function rgba(text) {
  const m = text.match(/rgba?\\(([^)]+)\\)/);
  if (!m) return [0, 0, 0, 0];
  const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function background(el) {
  for (let e = el; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c[3] > 0.5) return c;
  }
  return [255, 255, 255, 1];
}
function ratio(a, b) {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
"""


def visible_elements(page, scope: str, selector: str) -> int:
    """Keep the visible `selector` elements inside `scope` in window.__ivEls; return how many."""
    return page.evaluate(
        """([scope, selector]) => {
            const seen = new Set();
            for (const root of document.querySelectorAll(scope))
                for (const el of root.querySelectorAll(selector))
                    if (el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden')
                        seen.add(el);
            window.__ivEls = Array.from(seen);
            return window.__ivEls.length;
        }""", [scope, selector])


def ax_nodes(page, scope: str, selector: str) -> list[dict]:
    """Chromium's accessibility-tree node (role, name, properties) of each visible element."""
    count = visible_elements(page, scope, selector)
    cdp = page.context.new_cdp_session(page)
    nodes = []
    try:
        for i in range(count):
            handle = cdp.send("Runtime.evaluate", {"expression": f"window.__ivEls[{i}]"})
            tree = cdp.send("Accessibility.getPartialAXTree",
                            {"objectId": handle["result"]["objectId"], "fetchRelatives": False})
            node = next((n for n in tree["nodes"] if not n.get("ignored")), None)
            html = page.evaluate(f"window.__ivEls[{i}].outerHTML.slice(0, 160)")
            if node is None:
                nodes.append({"role": "ignored", "name": "", "html": html, "properties": {}})
                continue
            props = {p["name"]: p["value"].get("value") for p in node.get("properties", [])}
            nodes.append({"role": node.get("role", {}).get("value"),
                          "name": (node.get("name") or {}).get("value", ""),
                          "html": html, "properties": props})
    finally:
        cdp.detach()
    return nodes


def run_axe(page, scope: str) -> list[str]:
    """axe-core's critical and serious WCAG 2.1 A/AA violations inside `scope`."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        """async ([scope, tags]) => {
            const r = await axe.run({include: [[scope]]}, {runOnly: {type: 'tag', values: tags}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.html.slice(0, 160))}));
        }""", [scope, WCAG_TAGS])
    return [f"axe {v['id']} ({v['impact']}): {v['help']}: {v['nodes'][:4]}"
            for v in result if v["impact"] in SERIOUS]


def unnamed_controls(page, scope: str) -> list[str]:
    """Visible form controls whose accessible name (in Chromium's tree) is empty."""
    return [f"no name: {n['role']} {n['html']}" for n in ax_nodes(page, scope, CONTROLS)
            if n["role"] not in ("ignored", "none", "generic") and not n["name"].strip()]


def images_without_text(page, scope: str) -> list[str]:
    return [f"no alt text: {n['html']}" for n in ax_nodes(page, scope, "img")
            if not n["name"].strip()]


def toggles_without_state(page, scope: str) -> list[str]:
    """ipywidgets ToggleButtons show the selected one only by a shade: none may be left.
    Every radio's checked state must reach the accessibility tree."""
    problems = [f"toggle button without a pressed state: {h}" for h in page.evaluate(
        """scope => Array.from(document.querySelectorAll(scope + ' .widget-toggle-button'))
            .filter(b => b.getClientRects().length && !b.hasAttribute('aria-pressed'))
            .map(b => b.outerHTML.slice(0, 120))""", scope)]
    for node in ax_nodes(page, scope, "input[type=radio]:checked"):
        if node["properties"].get("checked") != "true":
            problems.append(f"checked radio not announced as checked: {node['html']}")
    return problems


def panels_without_status(page, scope: str) -> list[str]:
    """Each panel (the .iv-a11y box a Panel shows) holds a status region."""
    return [f"panel without a status region: {h}" for h in page.evaluate(
        """scope => Array.from(document.querySelectorAll(scope + ' .iv-a11y'))
            .filter(p => !p.querySelector('[role=status], [role=alert]'))
            .map(p => p.outerHTML.slice(0, 160))""", scope)]


def low_contrast_buttons(page, scope: str, minimum: float = 4.5) -> list[str]:
    """Enabled buttons whose text is below `minimum`:1 against their background."""
    found = page.evaluate(
        "([scope, minimum]) => {" + _CONTRAST_JS + """
            const out = [];
            for (const b of document.querySelectorAll(scope + ' button:not(:disabled)')) {
                if (!b.getClientRects().length || !b.textContent.trim()) continue;
                const r = ratio(rgba(getComputedStyle(b).color), background(b));
                if (r < minimum) out.push(b.textContent.trim() + ': ' + r.toFixed(2));
            }
            return out;
        }""", [scope, minimum])
    return [f"button text contrast below {minimum}:1: {f}" for f in found]


def focus_ring(page) -> dict | None:
    """The focused element's outline: its width and contrast against what surrounds it."""
    return page.evaluate("() => {" + _CONTRAST_JS + """
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        if (!el.matches(':focus')) return null;  // focus inside a date box's own calendar button
        const s = getComputedStyle(el);
        const width = s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth);
        const around = background(el.parentElement || el);
        return {html: el.outerHTML.slice(0, 120), width,
                ratio: width ? ratio(rgba(s.outlineColor), around) : 0,
                inside: !!el.closest('.iv-a11y')};
    }""")


def faint_focus(page, presses: int = 60) -> list[str]:
    """Tab through the page; every focused control inside a panel shows a ring of at least
    2 px at 3:1 against its surroundings."""
    page.locator("body").click(position={"x": 1, "y": 1})
    problems, inside = [], 0
    for _ in range(presses):
        page.keyboard.press("Tab")
        ring = focus_ring(page)
        if not ring or not ring["inside"]:
            continue
        inside += 1
        faint = f"faint focus ({ring['width']}px, {ring['ratio']:.2f}:1): {ring['html']}"
        if (ring["width"] < 2 or ring["ratio"] < 3) and faint not in problems:
            problems.append(faint)
    if inside == 0:
        problems.append("Tab never reached a control inside a panel")
    return problems


def sideways_overflow(page, scope: str) -> list[str]:
    """Elements in `scope` that reach past its right edge or the window's (outside a box that
    scrolls sideways on purpose, such as the people table)."""
    return [f"spills sideways: {h}" for h in page.evaluate(
        """scope => {
            const out = [];
            for (const root of document.querySelectorAll(scope)) {
                const width = Math.min(document.documentElement.clientWidth,
                                       root.getBoundingClientRect().right);
                for (const el of root.querySelectorAll('*')) {
                    const r = el.getBoundingClientRect();
                    if (!r.width || r.right <= width + 1) continue;
                    let clipped = false;
                    for (let p = el.parentElement; p && p !== root.parentElement; p = p.parentElement) {
                        const o = getComputedStyle(p).overflowX;
                        if (o === 'auto' || o === 'scroll') {  // 'hidden' cuts it off: a fault
                            if (p.getBoundingClientRect().right <= width + 1) { clipped = true; break; }
                        }
                    }
                    if (!clipped) out.push(Math.round(r.right - width) + 'px: ' + el.outerHTML.slice(0, 120));
                }
            }
            return out.slice(0, 12);
        }""", scope)]


def audit(page, scope: str) -> list[str]:
    """Everything above for the project's output inside `scope`."""
    return (run_axe(page, scope) + unnamed_controls(page, scope) + images_without_text(page, scope)
            + toggles_without_state(page, scope) + panels_without_status(page, scope)
            + low_contrast_buttons(page, scope))
