import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/cli.js';

/** The pages a reader sees: README.md and docs/*.md, as paths from the repo root. */
export function docPages(): string[] {
  const docs = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).sort();
  return ['README.md', ...docs.map((f) => `docs/${f}`)];
}

export function readPage(page: string): string {
  return readFileSync(join(ROOT, page), 'utf8');
}

/** A fenced code block: its info string's first word (`console`, `sh`, …), body lines, and the line of its opening fence (from 1). */
export interface FencedBlock {
  page: string;
  line: number;
  lang: string;
  lines: string[];
}

/** CommonMark: a closing fence uses the opening fence's character, at least as many times. */
function closesFence(fence: string, line: string): boolean {
  return new RegExp(`^ {0,3}${fence[0]}{${fence.length},}\\s*$`).test(line);
}

/** Fenced code blocks (``` or ~~~, CommonMark: the closing fence is at least as long as the opening one). */
export function fencedBlocks(page: string, text = readPage(page)): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  let open: { fence: string; block: FencedBlock } | undefined;
  text.split('\n').forEach((line, i) => {
    if (open === undefined) {
      const m = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
      if (m) open = { fence: m[1], block: { page, line: i + 1, lang: m[2].toLowerCase(), lines: [] } };
    } else if (closesFence(open.fence, line)) {
      blocks.push(open.block);
      open = undefined;
    } else open.block.lines.push(line);
  });
  return blocks;
}

/**
 * The page's prose: fenced and indented code blocks blanked (line numbers kept), inline code kept.
 * Indented code follows a blank line and is indented by four spaces or a tab (not a list's continuation,
 * which the docs indent by two).
 */
export function prose(text: string): string {
  let fence: string | undefined;
  let previousBlank = true;
  let indentedCode = false;
  return text
    .split('\n')
    .map((line) => {
      if (fence !== undefined) {
        if (closesFence(fence, line)) fence = undefined;
        return '';
      }
      const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (m) {
        fence = m[1];
        return '';
      }
      if (line.trim() === '') {
        previousBlank = true;
        return line;
      }
      indentedCode = /^( {4}|\t)/.test(line) && (indentedCode || previousBlank);
      previousBlank = false;
      return indentedCode ? '' : line;
    })
    .join('\n');
}

/**
 * GitHub's heading anchor: the heading's text (inline markup dropped) in lower case, every character
 * that is not a letter, mark, decimal or letter number, connector punctuation, '-' or ' ' removed, and
 * spaces turned into '-' (github.com's `/[^\p{Word}\- ]/u`, as in its TableOfContentsFilter).
 */
export function githubSlug(headingText: string): string {
  const text = headingText
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images: their text
    .replace(/<[^>]+>/g, ''); // inline HTML tags
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{Nd}\p{Nl}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** Every anchor a page has: its headings' slugs (repeats get -1, -2, … as on GitHub) and explicit `<a id|name="…">`. */
export function pageAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(text).matchAll(/^ {0,3}#{1,6}[ \t]+(.+?)[ \t]*#*[ \t]*$/gm)) {
    const slug = githubSlug(m[1]);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    anchors.add(n === 0 ? slug : `${slug}-${n}`);
  }
  for (const m of text.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]);
  return anchors;
}

/** 1-based line of a character offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}
