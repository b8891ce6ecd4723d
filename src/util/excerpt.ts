/** Longest piece of user input a message shows. */
export const EXCERPT_LENGTH = 80;

/**
 * `text` cut to at most `max` characters, ending in "…" when cut, so that a message never echoes a
 * whole 10 MB key or expression. Never splits a surrogate pair.
 */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}

/** `text` as a one-line JSON string literal of at most ~`max` characters: newlines and quotes escaped. */
export function quoted(text: string, max = EXCERPT_LENGTH): string {
  return JSON.stringify(excerpt(text, max));
}
