import { existsSync } from 'node:fs';

/** Where Debian/Ubuntu (fonts-dejavu-core), Fedora/Arch and Alpine keep DejaVu. */
const DEJAVU_DIRS = ['/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/dejavu-sans-fonts', '/usr/share/fonts/TTF', '/usr/share/fonts/dejavu'];

export interface PngOptions {
  /** Pixels per SVG pixel (2 = "retina", sharp in papers and pull requests). Default 2. */
  scale?: number;
  /** Font directories to load instead of the DejaVu ones found on the system. */
  fontDirs?: string[];
}

/**
 * Rasterises an SVG with resvg (Rust, shipped prebuilt: no native build, no download). Only DejaVu is
 * loaded when it is present, so the PNG does not depend on whatever other fonts a machine has; when
 * it is absent, system fonts are used as a fallback.
 */
export async function renderPng(svg: string, options: PngOptions = {}): Promise<Uint8Array> {
  const { renderAsync } = await import('@resvg/resvg-js');
  const fontDirs = options.fontDirs ?? DEJAVU_DIRS.filter((d) => existsSync(d));
  // renderAsync rasterises on libuv's thread pool, so PNGs overlap vega's work on the main thread.
  const image = await renderAsync(forResvg(svg), {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    font: {
      fontDirs,
      loadSystemFonts: fontDirs.length === 0,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
  });
  return new Uint8Array(image.asPng());
}

/**
 * vega marks an unsmoothed image (the response map's cells) `image-rendering: optimizeSpeed;
 * image-rendering: pixelated;`. Browsers take `pixelated`; resvg 2.6 does not know it and falls back
 * to smooth scaling, blurring cell edges at --png-scale 2, so it is given `optimizeSpeed` alone.
 */
function forResvg(svg: string): string {
  return svg.replace(/image-rendering: optimizeSpeed; image-rendering: pixelated;/g, 'image-rendering: optimizeSpeed;');
}
