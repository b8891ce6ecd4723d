/**
 * A schedule name as a portable file-name stem: runs of anything but letters, digits, `.`, `_` and
 * `-` become one `-` (so "FSGDM c=0.033 / v=1" → "FSGDM-c-0.033-v-1"); never empty, never hidden.
 */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
  return slug === '' ? 'schedule' : slug;
}

/** Slugs for several names, made unique with -2, -3 … in order of appearance. */
export function uniqueSlugs(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const base = fileSlug(name);
    let slug = base;
    for (let n = 2; used.has(slug); n++) slug = `${base}-${n}`;
    used.add(slug);
    return slug;
  });
}
