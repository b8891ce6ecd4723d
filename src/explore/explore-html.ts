import { escapeHtml, inlineScript, jsonForScript } from '../plot/html-page.js';
import { EXPLORE_FIGURES } from './page-state.js';

/** A config the page starts from: its text and how messages name it (the path as given). */
export interface ExploreSource {
  label: string;
  text: string;
}

export interface ExploreHtmlInput {
  title: string;
  /** Shown under the title: the tool and version that wrote the page. */
  subtitle: string;
  sources: ExploreSource[];
  /** The page module (dist/explore-page.js: an IIFE of src/explore/page/main.ts and the library, vega and vega-lite). */
  script: string;
  /** The page starts with "allow unstable" ticked (`--allow-unstable`). */
  allowUnstable?: boolean;
  /** Served by `explore --serve`: the page listens for reloads at this path (Server-Sent Events). */
  reloadPath?: string;
}

/**
 * `momentum-fr explore`'s page: one self-contained HTML file that needs no network (script and
 * styles inline, system fonts). The configs travel as JSON in a <script type="application/json">;
 * the page module reads them, builds the controls and computes every view in the browser with the
 * library the CLI runs. Deterministic: the same input gives the same bytes.
 */
export function exploreHtml(page: ExploreHtmlInput): string {
  const data = { sources: page.sources, allowUnstable: page.allowUnstable ?? false, reloadPath: page.reloadPath ?? null };
  const figureOptions = EXPLORE_FIGURES.map((f) => `<option value="${f}">${f}</option>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<style>
:root { color-scheme: light; }
body { margin: 0; font-family: "DejaVu Sans", Verdana, sans-serif; font-size: 14px; background: #ffffff; color: #222222; }
header, main { max-width: 1280px; margin: 0 auto; padding: 8px 20px; }
h1 { font-size: 20px; margin: 8px 0 2px; }
h2 { font-size: 16px; margin: 16px 0 6px; }
.subtitle, .note { color: #555555; font-size: 12px; }
.layout { display: grid; grid-template-columns: minmax(300px, 380px) minmax(0, 1fr); gap: 20px; align-items: start; }
/* A grid item is as wide as its content by default: this keeps each in its column (the numbers table scrolls in its own box). */
.layout > section { min-width: 0; }
.controls fieldset { border: 1px solid #cccccc; border-radius: 4px; margin: 0 0 10px; padding: 6px 10px; }
.controls legend { font-weight: bold; }
/* The key on its own line above its slider and box: a key of any length (lr.steps_per_epoch) never covers them. */
.control { display: grid; grid-template-columns: minmax(0, 1fr) 96px; column-gap: 6px; align-items: center; margin: 4px 0; }
.control label { grid-column: 1 / -1; overflow-wrap: anywhere; font-size: 12px; }
.control input[type="range"] { width: 100%; min-width: 0; margin: 0; }
.control input:disabled { opacity: 0.5; }
.control input[type="number"] { width: 90px; }
#position-step { width: 90px; }
#yaml { border: 1px solid #cccccc; border-radius: 4px; font-size: 12px; }
#yaml .cm-editor { max-height: 520px; min-height: 260px; }
#yaml .cm-scroller { font-family: "DejaVu Sans Mono", monospace; }
#yaml .cm-editor.cm-focused { outline: 2px solid #0072b2; }
.messages { font-family: "DejaVu Sans Mono", monospace; font-size: 12px; white-space: pre-wrap; margin: 4px 0; }
.messages.issues { color: #b00020; }
.messages.warnings { color: #7a5a00; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.summary { overflow-x: auto; max-width: 100%; }
#position-text { flex-basis: 100%; font-size: 12px; color: #555555; }
.summary table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.summary th, .summary td { text-align: right; padding: 2px 8px; border-bottom: 1px solid #eeeeee; }
.summary td { white-space: nowrap; }
.summary th:first-child, .summary td:first-child { text-align: left; }
.figure { overflow-x: auto; margin: 6px 0 2px; }
.figure-tools { margin: 0 0 14px; font-size: 12px; }
:focus-visible { outline: 2px solid #0072b2; outline-offset: 1px; }
</style>
</head>
<body>
<header>
<h1>${escapeHtml(page.title)}</h1>
<p class="subtitle">${escapeHtml(page.subtitle)}</p>
</header>
<main class="layout">
<section class="controls" aria-label="Parameters and config">
<div id="sliders"></div>
<label><input type="checkbox" id="allow-unstable"> allow unstable (|u| ≥ 1)</label>
<h2 id="yaml-label">Config (YAML)</h2>
<div id="yaml"></div>
<div id="issues" class="messages issues" role="alert" aria-live="polite"></div>
<div id="warnings" class="messages warnings" aria-live="polite"></div>
<div class="toolbar">
<span>download</span>
<button type="button" id="download-yaml">YAML</button>
<button type="button" id="download-json">records JSON</button>
</div>
</section>
<section aria-label="Views">
<div class="toolbar">
<label for="figure-kind">figure</label> <select id="figure-kind">${figureOptions}</select>
<label for="position">position in training</label>
<input type="range" id="position" min="0" max="1000" step="1" value="1000" aria-describedby="position-text">
<label for="position-step">step</label> <input type="number" id="position-step" min="1" step="1" title="a training step of the first schedule (the others stand at the same fraction of their steps)">
<output id="position-text" for="position"></output>
</div>
<div class="summary" aria-live="polite"><table id="summary"></table><div id="words"></div></div>
<p class="note" id="timing"></p>
<div id="figures"></div>
</section>
</main>
<script type="application/json" id="explore-data">${jsonForScript(data)}</script>
<script>performance.mark('explore:script');</script>
<script>
${inlineScript(page.script)}
</script>
</body>
</html>
`;
}
