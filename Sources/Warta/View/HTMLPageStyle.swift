extension HTMLPageWriter {
    /// The page's style sheet: system fonts only, one colour per entity type, the type label
    /// after each mark (on screen and in print), quote attributions as generated content.
    static let css = """
        :root { --ink: #1d232b; --muted: #5b6673; --line: #d9dee4; --paper: #fff; --panel: #f6f7f9; }
        * { box-sizing: border-box; }
        body { margin: 0; color: var(--ink); background: var(--paper);
          font: 17px/1.65 Georgia, "DejaVu Serif", "Noto Serif", serif; }
        header.meta { padding: 1.2rem 2rem .6rem; border-bottom: 1px solid var(--line); }
        header.meta h1 { margin: 0 0 .5rem; font-size: 1.55rem; line-height: 1.3; }
        header.meta dl { display: flex; flex-wrap: wrap; gap: .2rem 1.4rem; margin: 0;
          font: 13px/1.5 system-ui, "DejaVu Sans", sans-serif; }
        header.meta dl div { display: flex; gap: .35rem; }
        header.meta dt { color: var(--muted); }
        header.meta dd { margin: 0; }
        .none { color: #aab; }
        nav.legend { padding: .5rem 2rem; border-bottom: 1px solid var(--line); background: var(--panel);
          font: 12px/2 system-ui, "DejaVu Sans", sans-serif; color: var(--muted); }
        nav.legend .item { white-space: nowrap; margin-right: .7rem; }
        .key { display: inline-block; padding: 0 .4em; border-radius: 3px; font-weight: 700; color: #222;
          background: var(--c, #ddd); font: 700 11px/1.7 system-ui, "DejaVu Sans", sans-serif; }
        .key-q { padding: 0 .35em; background: #eef3fb; border-bottom: 2px solid #7b93b8; color: var(--ink); }
        .key-cue { text-decoration: underline 2px; text-underline-offset: 3px; color: var(--ink); }
        .key-who { text-decoration: underline dotted 2px; text-underline-offset: 3px; color: var(--ink); }
        main { display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 0 2rem; padding: 0 2rem 2rem; }
        .text { max-width: 48rem; }
        .text p { margin: 1rem 0; white-space: pre-wrap; }
        [data-type="PER"] { --c: #ffd966; }
        [data-type="ORG"] { --c: #9ed0f0; }
        [data-type="LOC"] { --c: #a9e3a1; }
        [data-type="FAC"] { --c: #8fd9c8; }
        [data-type="EVENT"] { --c: #f2b6e4; }
        [data-type="DATE"] { --c: #c6cdf7; }
        [data-type="TIME"] { --c: #ddc9f7; }
        [data-type="MONEY"] { --c: #f7cf9f; }
        [data-type="PERCENT"] { --c: #f4bcbc; }
        [data-type="QUANTITY"] { --c: #e3d7bd; }
        mark { background: var(--c, #ddd); color: inherit; padding: .05em .2em; border-radius: 3px;
          -webkit-box-decoration-break: clone; box-decoration-break: clone; }
        mark::after { content: attr(data-type); margin-left: .3em; vertical-align: .12em; color: #333;
          font: 700 .58em/1 system-ui, "DejaVu Sans", sans-serif; letter-spacing: .03em; }
        mark mark { padding: 0 .15em; border: 1px solid rgba(0, 0, 0, .35); }
        mark:hover { outline: 2px solid #333; }
        .q { background: #eef3fb; border-bottom: 2px solid #7b93b8; -webkit-box-decoration-break: clone;
          box-decoration-break: clone; }
        .q[data-type="indirect"] { background: none; border-bottom: 2px dashed #7b93b8; }
        .q[data-type="mixed"] { border-bottom-style: dotted; }
        .q[data-attribution]::after { content: "— " attr(data-attribution); margin-left: .35em; padding: .05em .45em;
          border: 1px solid #b3c1d8; border-radius: 3px; background: #e6ecf5; color: #243b63;
          font: 600 .66em/1.5 system-ui, "DejaVu Sans", sans-serif; }
        .cue { text-decoration: underline 2px; text-underline-offset: 3px; }
        .who { text-decoration: underline dotted 2px; text-underline-offset: 3px; }
        aside { font: 14px/1.45 system-ui, "DejaVu Sans", sans-serif; }
        .panel { background: var(--panel); border: 1px solid var(--line); border-radius: 6px;
          padding: .3rem 1rem .6rem; margin-top: 1rem; }
        .panel h2 { font-size: 1rem; margin: .5rem 0; }
        .panel h3 { font-size: .85rem; margin: .7rem 0 .2rem; }
        .panel ul, .panel ol { margin: 0; padding-left: 1.2rem; }
        .panel li { margin: .1rem 0; }
        .panel a { color: #1f4f8f; text-decoration: none; }
        .panel .role { margin: 0 0 .2rem; color: var(--muted); font-size: .85em; }
        .count { color: var(--muted); font-size: .85em; }
        code { font: 11px ui-monospace, "DejaVu Sans Mono", monospace; background: #e8ebef; padding: 0 .3em;
          border-radius: 3px; }
        table.index { border-collapse: collapse; margin: 1rem 2rem; font: 14px/1.5 system-ui, sans-serif; }
        table.index th, table.index td { border-bottom: 1px solid var(--line); padding: .3rem .8rem; text-align: left; }
        table.index td.n { text-align: right; }
        footer { padding: 1rem 2rem; color: var(--muted); font: 12px system-ui, sans-serif;
          border-top: 1px solid var(--line); }
        @media (max-width: 60rem) { main { grid-template-columns: 1fr; } }
        @media print {
          main { display: block; }
          nav.legend, .panel { break-inside: avoid; }
          mark, .key, .q { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
          mark { border: 1px solid #555; }
          .q { border-bottom: 1px solid #000; }
        }

        """
}
