/// The whole stylesheet, served from /static/site.css so pages need no inline styles (CSP-ready).
enum Stylesheet {
    static let css = """
    :root { --ink: #1a1a1a; --muted: #555; --line: #d0d0d0; --accent: #004f8c; --bg: #fff; --soft: #f3f6f9;
            --ok: #00643c; --warn: #8a5a00; --bad: #a3001b; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    * { box-sizing: border-box; }
    body { margin: 0; color: var(--ink); background: var(--bg); line-height: 1.5; }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus { outline: 3px solid #E69F00; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; z-index: 10; }
    header.site { background: var(--accent); color: #fff; padding: 0.5rem 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; align-items: center; }
    header.site a { color: #fff; }
    .brand a { font-weight: 700; text-decoration: none; font-size: 1.1rem; }
    header nav ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; }
    header nav a[aria-current] { text-decoration: underline; text-underline-offset: 4px; font-weight: 700; }
    .lang { margin: 0 0 0 auto; }
    main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
    footer { border-top: 1px solid var(--line); color: var(--muted); padding: 1rem; max-width: 72rem; margin: 2rem auto 0; font-size: 0.9rem; }
    h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; } h2 { font-size: 1.35rem; margin-top: 2rem; }
    .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; padding: 0; list-style: none; }
    .card { background: var(--soft); border-radius: 6px; padding: 0.75rem 1rem; }
    .card .value { font-size: 1.8rem; font-weight: 700; display: block; }
    .card .label { color: var(--muted); }
    .table-wrap { overflow-x: auto; }
    table { border-collapse: collapse; margin: 0.5rem 0 1rem; min-width: 50%; }
    caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
    th, td { border-bottom: 1px solid var(--line); padding: 0.3rem 0.6rem; text-align: left; vertical-align: top; }
    thead th { border-bottom: 2px solid var(--ink); }
    tfoot th, tfoot td { border-top: 2px solid var(--ink); font-weight: 700; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    figure.chart { margin: 1rem 0 2rem; max-width: 44rem; }
    figure.chart svg { width: 100%; height: auto; }
    svg .grid { stroke: #e4e4e4; } svg .axis { stroke: #333; } svg .tick, svg .legend { font-size: 12px; fill: #333; }
    figcaption { font-weight: 600; }
    .source { color: var(--muted); font-size: 0.85rem; }
    .badge { display: inline-block; padding: 0 0.5rem; border-radius: 999px; background: #e6eef5; font-size: 0.85rem; margin-right: 0.25rem; }
    .badge.met { background: #d9f2e6; color: var(--ok); } .badge.behind { background: #fbe3e6; color: var(--bad); }
    .badge.ontrack { background: #fff1d6; color: var(--warn); } .badge.example { background: #fff1d6; color: var(--warn); }
    .note { background: var(--soft); border-left: 4px solid var(--accent); padding: 0.5rem 1rem; }
    form.filters { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; background: var(--soft); padding: 0.75rem; border-radius: 6px; }
    .field { display: flex; flex-direction: column; } .field label { font-weight: 600; font-size: 0.9rem; }
    input, select, button { font: inherit; padding: 0.3rem 0.5rem; }
    button { background: var(--accent); color: #fff; border: 0; border-radius: 4px; padding: 0.4rem 1rem; cursor: pointer; }
    .error { color: var(--bad); font-weight: 600; margin: 0.25rem 0 0; }
    .pager { margin: 1rem 0; display: flex; gap: 1rem; align-items: center; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; }
    dl.facts dt { font-weight: 600; } dl.facts dd { margin: 0; }
    ul.plain { padding-left: 1.2rem; }
    ol.timeline { list-style: none; padding: 0; } ol.timeline li { border-left: 3px solid var(--accent); padding: 0.25rem 0 0.75rem 1rem; }
    ol.timeline time { font-weight: 700; display: block; }
    .matrix td { text-align: center; }
    figure.quote { margin: 1rem 0; padding: 0.5rem 1rem; border-left: 4px solid #E69F00; background: #fffaf0; }
    figure.quote blockquote { margin: 0; font-style: italic; }
    figure.quote figcaption { font-weight: 400; color: var(--muted); }
    .user { display: flex; gap: 0.5rem; align-items: center; } form.inline { display: inline; }
    form.inline button { padding: 0.1rem 0.6rem; background: #fff; color: var(--accent); }
    form.edit { display: grid; gap: 0.75rem; max-width: 40rem; } form.edit input[type=text], form.edit input[type=email],
    form.edit input[type=password], form.edit select, form.edit textarea { width: 100%; }
    fieldset.checks { border: 1px solid var(--line); } fieldset.checks label { display: inline-block; margin-right: 1rem; }
    .hint { color: var(--muted); margin: 0.1rem 0 0; font-size: 0.9rem; } .secret { font-family: monospace; background: #fff1d6; padding: 0.5rem; word-break: break-all; }
    .meeting { font-size: .9em; } .meeting.cancelled { text-decoration: line-through; color: #555; }
    .example { border-left: 4px solid #8a5a00; padding-left: .5em; }
    @media print { header.site nav, .lang, form.filters, .pager, .skip, .no-print, footer, .user form { display: none; } .sheet { page-break-after: always; } .sheet:last-child { page-break-after: auto; } header.site { background: none; color: #000; } header.site a { color: #000; } }
    """
}
