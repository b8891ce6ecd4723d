/// <reference lib="dom" />
// The page's YAML pane: a CodeMirror 6 editor (YAML highlighting, line numbers, undo/redo, the
// usual editing keys) whose validation messages are lint diagnostics at their line and column.
// Tab is left to the browser (focus moves on), so the pane never traps keyboard users.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, type Text } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import type { LocatedMessage } from '../explore-view.js';

export interface YamlEditor {
  /** The text as edited. */
  text(): string;
  /** Puts a text in (a slider moved, a file was saved): one change over the part that differs, so the cursor stays put. */
  setText(text: string): void;
  /** Shows validation messages at their line (the whole first line for a message without one). */
  setMessages(messages: readonly LocatedMessage[]): void;
}

/** An editor in `host`, labelled by the element `labelId`; `onChange` hears every edit the user makes. */
export function yamlEditor(host: HTMLElement, text: string, labelId: string, onChange: (text: string) => void): YamlEditor {
  let quiet = false;
  const view = new EditorView({
    parent: host,
    state: EditorState.create({
      doc: text,
      extensions: [
        lineNumbers(),
        lintGutter(),
        history(),
        highlightActiveLine(),
        keymap.of([...defaultKeymap, ...historyKeymap]),
        yaml(),
        syntaxHighlighting(defaultHighlightStyle),
        EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-multiline': 'true', spellcheck: 'false', autocorrect: 'off', autocapitalize: 'off' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged && !quiet) onChange(update.state.doc.toString());
        }),
      ],
    }),
  });
  return {
    text: () => view.state.doc.toString(),
    setText(next) {
      const change = changeBetween(view.state.doc.toString(), next);
      if (change === undefined) return;
      quiet = true;
      try {
        view.dispatch({ changes: change });
      } finally {
        quiet = false;
      }
    },
    setMessages(messages) {
      view.dispatch(setDiagnostics(view.state, messages.map((m) => diagnostic(view.state.doc, m))));
    },
  };
}

/** The one change that turns `current` into `next`: the span between their common prefix and suffix; undefined when equal. */
export function changeBetween(current: string, next: string): { from: number; to: number; insert: string } | undefined {
  if (current === next) return undefined;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let end = 0;
  while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
  return { from: start, to: current.length - end, insert: next.slice(start, next.length - end) };
}

/** A message as a diagnostic over the rest of its line from its column (1-based line and column). */
export function diagnostic(doc: Text, m: LocatedMessage): Diagnostic {
  const line = doc.line(Math.min(doc.lines, Math.max(1, m.line ?? 1)));
  const from = Math.min(line.to, line.from + Math.max(0, (m.column ?? 1) - 1));
  return { from, to: Math.max(from, line.to), severity: m.severity, message: m.message, source: 'validate' };
}
