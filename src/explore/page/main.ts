/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The page module of `momentum-fr explore`, bundled for the browser by bin/bundle.mjs (an IIFE in
// dist/explore-page.js, inlined into the page). It runs the library's browser entry, the same
// parse → analyse → records → Vega-Lite specs code as the CLI, and draws with vega.
import { parse, scheme, View } from 'vega';
import { compile } from 'vega-lite';
import type { ExploreSource } from '../explore-html.js';
import { EXPLORE_FREQUENCIES, exploreView, type ExploreView, type ScheduleSummary } from '../explore-view.js';
import { labelStem } from '../label-stem.js';
import { parseStateHash, stateHash, type ExploreFigure, type PageState } from '../page-state.js';
import { parameterControls, type ParameterControl } from '../parameter-controls.js';
import { configDocuments, setNumber } from '../config-documents.js';
import { fitNumber } from '../../util/table-number.js';
import { sliderPosition, sliderValue, SLIDER_STEPS } from '../slider-scale.js';
import { provideMathjs, type Mathjs } from '../../schedule/mathjs-provider.js';
import { deferredModule } from './deferred-module.js';
import type { LocatedMessage } from '../explore-view.js';
import type { YamlEditor, yamlEditor } from './yaml-editor.js';

/** The deferred modules' code (bin/bundle.mjs defines them): mathjs' create and factories, and the YAML editor. */
declare const EXPLORE_DEFERRED_MATHJS: string;
declare const EXPLORE_DEFERRED_EDITOR: string;

// mathjs is parsed and run only when a config first has an expression (the library's sandbox asks for it).
provideMathjs(deferredModule<Mathjs>(EXPLORE_DEFERRED_MATHJS));
const editorModule = deferredModule<{ yamlEditor: typeof yamlEditor }>(EXPLORE_DEFERRED_EDITOR);

interface PageData {
  sources: ExploreSource[];
  allowUnstable: boolean;
  reloadPath: string | null;
}

performance.mark('explore:main'); // every imported module has run its top level
/** Okabe & Ito's palette (Color Universal Design, 2008): distinguishable with every common colour-vision deficiency. */
const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];
scheme('okabe-ito', OKABE_ITO);

const data = JSON.parse(byId('explore-data').textContent ?? '{}') as PageData;
/** How messages name the text: the one file's path as given, or a made-up name for several files joined. */
const label = data.sources.length === 1 ? data.sources[0].label : 'explore.yaml';
const initial: PageState = { text: joinSources(data.sources), figure: 'magnitude', position: 1, allowUnstable: data.allowUnstable };
let state: PageState = parseStateHash(location.hash, initial) ?? initial;

const figureKind = byId('figure-kind') as HTMLSelectElement;
const position = byId('position') as HTMLInputElement;
const positionStep = byId('position-step') as HTMLInputElement;
const allowUnstable = byId('allow-unstable') as HTMLInputElement;

/** What tests and the bench read: the last view's timings, the vega views by figure id, and a promise per draw. */
const exposed = {
  recomputeMs: NaN,
  renderMs: NaN,
  views: {} as Record<string, View>,
  ready: Promise.resolve() as Promise<void>,
  view: undefined as ExploreView | undefined,
  /** The YAML pane's text (CodeMirror draws only the lines in view, so the DOM may not hold it all). */
  editorText: (): string => editor?.text() ?? state.text,
};
(window as unknown as { momentumFrExplore: typeof exposed }).momentumFrExplore = exposed;

/** Each control's slider range is fixed when it first appears (ranges follow the value, which moves). */
const ranges = new Map<string, ParameterControl>();
let controlKeys = '';

function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`explore page: #${id} is missing`);
  return el;
}

function joinSources(sources: ExploreSource[]): string {
  return sources.map((s) => (s.text.endsWith('\n') ? s.text : `${s.text}\n`)).join('---\n');
}

/** Applies a change of state: the hash, the inputs that did not cause it, then a recompute. */
function update(next: Partial<PageState>, from?: HTMLElement): void {
  state = { ...state, ...next };
  history.replaceState(null, '', stateHash(state));
  if (from !== editorHost) editor?.setText(state.text);
  if (from !== figureKind) figureKind.value = state.figure;
  if (from !== position) position.value = String(Math.round(state.position * SLIDER_STEPS));
  allowUnstable.checked = state.allowUnstable;
  syncControls(from);
  recompute();
}

/** The sliders of the text's numbers: rebuilt when the set of numbers changes, else only their values. */
function syncControls(from?: HTMLElement): void {
  if (!opened) return;
  // While the text is no YAML the sliders stay, disabled at the last good values (none could write a number into it).
  const broken = yamlBroken(state.text);
  for (const input of byId('sliders').querySelectorAll('input')) input.disabled = broken;
  if (broken) return;
  const controls = parameterControls(state.text);
  const keys = controls.map((c) => c.path.join('.')).join('|');
  if (keys !== controlKeys) {
    controlKeys = keys;
    buildControls(controls);
    return;
  }
  for (const c of controls) {
    const id = controlId(c);
    const slider = document.getElementById(`${id}-slider`) as HTMLInputElement | null;
    const box = document.getElementById(`${id}-value`) as HTMLInputElement | null;
    const range = ranges.get(c.path.join('.')) ?? c;
    if (slider && slider !== from) slider.value = String(sliderPosition(c.value, range));
    if (box && box !== from && Number(box.value) !== c.value) box.value = String(c.value);
  }
}

/** The text does not parse as YAML (a document with syntax errors, or a text the parser is not given). */
function yamlBroken(text: string): boolean {
  const { documents } = configDocuments(text);
  return documents.length === 0 ? text.trim() !== '' : documents.some((d) => d.errors.length > 0);
}

function controlId(c: ParameterControl): string {
  return `p-${c.path.join('-').replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

function buildControls(controls: ParameterControl[]): void {
  const host = byId('sliders');
  host.replaceChildren();
  let fieldset: HTMLFieldSetElement | undefined;
  let current = -1;
  for (const c of controls) {
    const key = c.path.join('.');
    if (!ranges.has(key)) ranges.set(key, c);
    const range = ranges.get(key)!;
    if (c.schedule !== current) {
      current = c.schedule;
      fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = c.scheduleName;
      fieldset.append(legend);
      host.append(fieldset);
    }
    const id = controlId(c);
    const row = document.createElement('div');
    row.className = 'control';
    const name = document.createElement('label');
    name.htmlFor = `${id}-slider`;
    name.textContent = c.key;
    name.title = c.description;
    const slider = document.createElement('input');
    Object.assign(slider, { type: 'range', id: `${id}-slider`, min: '0', max: String(SLIDER_STEPS), step: '1', value: String(sliderPosition(c.value, range)) });
    slider.dataset.key = c.key;
    slider.dataset.schedule = c.scheduleName;
    slider.setAttribute('aria-valuetext', String(c.value));
    slider.title = `${c.description} (${range.scale} scale, ${range.min} … ${range.max})`;
    const box = document.createElement('input');
    Object.assign(box, { type: 'number', id: `${id}-value`, step: 'any', value: String(c.value) });
    box.dataset.key = c.key;
    box.dataset.schedule = c.scheduleName;
    box.setAttribute('aria-label', `${c.scheduleName} ${c.key}`);
    slider.addEventListener('input', () => {
      const value = sliderValue(Number(slider.value), range);
      box.value = String(value);
      slider.setAttribute('aria-valuetext', String(value));
      update({ text: setNumber(state.text, c.path, value) }, slider);
    });
    box.addEventListener('change', () => {
      const value = Number(box.value);
      if (box.value.trim() === '' || !Number.isFinite(value)) return;
      slider.value = String(sliderPosition(value, range));
      update({ text: setNumber(state.text, c.path, value) }, box);
    });
    row.append(name, slider, box);
    fieldset!.append(row);
  }
}

let scheduled = 0;
/** One recompute per frame, however many inputs fired in it. */
function recompute(): void {
  if (scheduled !== 0) return;
  let done!: () => void;
  exposed.ready = new Promise((resolve) => (done = resolve));
  scheduled = requestAnimationFrame(() => {
    scheduled = 0;
    draw().then(done, (err: unknown) => {
      console.error(err);
      done();
    });
  });
}

async function draw(): Promise<void> {
  const t0 = performance.now();
  const view = exploreView(state, label);
  const t1 = performance.now();
  if (exposed.view === undefined) performance.mark('explore:first-compute');
  exposed.view = view;
  exposed.recomputeMs = t1 - t0;
  byId('issues').textContent = view.issues.join('\n');
  byId('warnings').textContent = view.warnings.join('\n');
  messages = view.messages;
  editor?.setMessages(messages);
  showSummaries(view.summaries);
  showPosition(view.summaries);
  if (view.issues.length > 0) {
    byId('timing').textContent = 'The config has problems: fix them in the YAML (the views show the last valid config).';
    return;
  }
  await drawFigures(view);
  exposed.renderMs = performance.now() - t1;
  byId('timing').textContent = `analysed in ${exposed.recomputeMs.toFixed(1)} ms (every stage, ${EXPLORE_FREQUENCIES} frequencies), drawn in ${exposed.renderMs.toFixed(0)} ms`;
}

function showPosition(summaries: ScheduleSummary[]): void {
  if (summaries.length > 0) {
    positionStep.max = String(summaries[0].steps);
    if (document.activeElement !== positionStep) positionStep.value = String(summaries[0].step);
  }
  const text = summaries.map((s) => `${s.name}: step ${s.step}, stage ${s.stage}`).join('; ');
  byId('position-text').textContent = `${(state.position * 100).toFixed(1)} % (${text})`;
  position.setAttribute('aria-valuetext', `${(state.position * 100).toFixed(1)} percent of training`);
}

/** A column of the numbers table: its title, its value as JSON text, its key, and for a number analyze's table width and digits. */
type SummaryColumn = [title: string, get: (s: ScheduleSummary) => string, key: string, digits?: [width: number, digits: number]];
const SUMMARY_COLUMNS: SummaryColumn[] = [
  ['schedule', (s) => s.name, 'name'],
  ['stages', (s) => String(s.stageCount), 'stageCount'],
  ['final DC gain', (s) => s.final.dcGain, 'final.dcGain', [7, 4]],
  ['final DC dB', (s) => s.final.dcGainDb, 'final.dcGainDb', [7, 4]],
  ['final u', (s) => s.final.u, 'final.u', [9, 6]],
  ['final cutoff', (s) => s.final.cutoffFrequency, 'final.cutoffFrequency', [8, 4]],
  ['final noise gain', (s) => s.final.noiseGain, 'final.noiseGain', [7, 4]],
  ['stage at slider', (s) => String(s.atStep.stage), 'atStep.stage'],
  ['its DC gain', (s) => s.atStep.dcGain, 'atStep.dcGain', [7, 4]],
  ['its type', (s) => s.atStep.filterType, 'atStep.filterType'],
];
/** Shown with the exact-vs-frozen figure only. */
const EXACT_COLUMN: SummaryColumn = ['exact − frozen at slider (dB)', (s) => s.exactGapDb ?? '', 'exactGapDb', [7, 4]];

function showSummaries(summaries: ScheduleSummary[]): void {
  const table = byId('summary');
  if (summaries.length === 0) return; // keep the last valid numbers beside the message
  const columns = summaries.some((s) => s.exactGapDb !== undefined) ? [...SUMMARY_COLUMNS, EXACT_COLUMN] : SUMMARY_COLUMNS;
  const head = `<tr>${columns.map(([t]) => `<th scope="col">${t}</th>`).join('')}</tr>`;
  table.innerHTML = head;
  for (const s of summaries) {
    const row = document.createElement('tr');
    for (const [, get, key, digits] of columns) {
      const cell = document.createElement('td');
      const value = get(s);
      // A number as analyze's terminal table prints it (fitNumber); all its digits, as analyze's JSON writes them, in data-value and the tooltip.
      cell.textContent = digits === undefined || value === '' ? value : fitNumber(value === 'null' ? null : Number(value), digits[0], digits[1]);
      if (digits !== undefined) cell.title = cell.dataset.value = value;
      cell.dataset.schedule = s.name;
      cell.dataset.key = key;
      row.append(cell);
    }
    table.append(row);
  }
  // Each schedule in words, as analyze's JSON `summary` and the terminal table say it.
  const words = byId('words');
  words.replaceChildren(
    ...summaries.map((s) => {
      const p = document.createElement('p');
      p.dataset.schedule = s.name;
      p.textContent = `${s.name}: ${s.words.join('; ')}.`;
      return p;
    }),
  );
}

async function drawFigures(view: ExploreView): Promise<void> {
  const host = byId('figures');
  const seen = new Set<string>();
  for (const figure of view.figures) {
    seen.add(figure.id);
    let section = document.getElementById(`figure-${figure.id}`);
    if (section === null) {
      section = document.createElement('section');
      section.id = `figure-${figure.id}`;
      section.setAttribute('aria-label', figure.id);
      section.innerHTML = '<div class="figure"></div><div class="figure-tools"><button type="button" data-format="svg">SVG</button> <button type="button" data-format="png">PNG</button></div>';
      for (const button of section.querySelectorAll('button')) {
        button.addEventListener('click', () => void downloadFigure(figure.id, button.dataset.format as 'svg' | 'png'));
      }
    }
    host.append(section); // keeps the figures in the view's order
    const vgSpec = compile(okabeIto(figure.spec) as never).spec;
    exposed.views[figure.id]?.finalize();
    const v = new View(parse(vgSpec), { renderer: 'canvas', container: section.querySelector('.figure') as HTMLElement, hover: true });
    exposed.views[figure.id] = v;
  }
  for (const [id, v] of Object.entries(exposed.views)) {
    if (seen.has(id)) continue;
    v.finalize();
    delete exposed.views[id];
    document.getElementById(`figure-${id}`)?.remove();
  }
  await Promise.all(Object.values(exposed.views).map((v) => v.runAsync()));
}

/** The CLI's categorical scheme swapped for Okabe–Ito (the page's colour-blind-safe choice); the rest as the CLI draws it. */
function okabeIto(spec: unknown): unknown {
  if (Array.isArray(spec)) return spec.map(okabeIto);
  if (spec === null || typeof spec !== 'object') return spec;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) out[k] = k === 'scheme' && v === 'tableau10' ? 'okabe-ito' : okabeIto(v);
  return out;
}

async function downloadFigure(id: string, format: 'svg' | 'png'): Promise<void> {
  const v = exposed.views[id];
  if (v === undefined) return;
  if (format === 'svg') save(`${id}.svg`, new Blob([await v.toSVG()], { type: 'image/svg+xml' }));
  else save(`${id}.png`, dataUrlBlob(await v.toImageURL('png', 2)));
}

/** A base64 data: URL as a Blob, decoded in place (fetch would be a request). */
function dataUrlBlob(url: string): Blob {
  const [head, body] = url.split(',', 2);
  return new Blob([Uint8Array.from(atob(body), (c) => c.charCodeAt(0))], { type: head.replace(/^data:([^;,]+).*$/, '$1') });
}

function save(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 0);
}

function stem(): string {
  return labelStem(label) || 'explore';
}

// Wiring.
const editorHost = byId('yaml');
/** The YAML pane and the sliders come after the first figure: the page's first view needs neither. */
let editor: YamlEditor | undefined;
let messages: LocatedMessage[] = [];
let opened = false;
figureKind.addEventListener('change', () => update({ figure: figureKind.value as ExploreFigure }, figureKind));
position.addEventListener('input', () => update({ position: Number(position.value) / SLIDER_STEPS }, position));
// A step of the first schedule, exactly (the slider moves in thousandths of training): position = step/steps.
positionStep.addEventListener('change', () => {
  const steps = exposed.view?.summaries[0]?.steps;
  const step = Number(positionStep.value);
  if (steps === undefined || positionStep.value.trim() === '' || !Number.isInteger(step)) return;
  update({ position: Math.min(1, Math.max(0, step / steps)) }, positionStep);
});
allowUnstable.addEventListener('change', () => update({ allowUnstable: allowUnstable.checked }, allowUnstable));
byId('download-yaml').addEventListener('click', () => save(`${stem()}.yaml`, new Blob([state.text], { type: 'application/yaml' })));
byId('download-json').addEventListener('click', () => {
  if (exposed.view && exposed.view.issues.length === 0) save(`${stem()}.json`, new Blob([exposed.view.recordsJson()], { type: 'application/json' }));
});
if (data.reloadPath !== null) {
  // `explore --serve`: a config file changed on disk; take its new text, keep the figure and the slider.
  const events = new EventSource(data.reloadPath);
  events.addEventListener('config', (e) => {
    const sources = JSON.parse((e as MessageEvent<string>).data) as ExploreSource[];
    update({ text: joinSources(sources) });
  });
  // "live": the page hears the server (and says so while it does; EventSource reconnects by itself).
  events.addEventListener('open', () => (document.body.dataset.live = 'true'));
  events.addEventListener('error', () => (document.body.dataset.live = 'false'));
}
update({});
exposed.ready.then(() => {
  // The bench's open time: navigation start (performance's time origin) to the first view drawn.
  performance.mark('explore:first-view');
  opened = true;
  syncControls();
  editor = editorModule().yamlEditor(editorHost, state.text, 'yaml-label', (text) => update({ text }, editorHost));
  editor.setMessages(messages);
  document.body.dataset.ready = 'true';
});
