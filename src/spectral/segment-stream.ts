/**
 * Segments of signals that arrive in chunks: `push` takes the next samples of each channel (x,
 * or x and y, chunks of equal length), and every full segment (nperseg samples starting at
 * s·step, s = 0, 1, …, as segmentLayout counts them) is handed to onSegment as one contiguous
 * buffer per channel, with its start in the whole signal. Only one segment per channel is held,
 * so memory does not grow with the signal; the buffers are reused, so onSegment must be done with
 * them when it returns. The tail shorter than a segment is left out, as welchPsd leaves it out.
 */
export class SegmentStream {
  private readonly buffers: Float64Array[];
  private filled = 0;
  private start = 0;

  constructor(
    private readonly nperseg: number,
    private readonly step: number,
    channels: number,
    private readonly onSegment: (segments: readonly Float64Array[], start: number) => void,
  ) {
    this.buffers = Array.from({ length: channels }, () => new Float64Array(nperseg));
  }

  push(chunks: readonly Float64Array[]): void {
    const { buffers, nperseg, step } = this;
    const length = chunks[0].length;
    for (let at = 0; at < length;) {
      const take = Math.min(nperseg - this.filled, length - at);
      buffers.forEach((b, c) => b.set(chunks[c].subarray(at, at + take), this.filled));
      this.filled += take;
      at += take;
      if (this.filled < nperseg) return;
      this.onSegment(buffers, this.start);
      this.start += step;
      for (const b of buffers) b.copyWithin(0, step, nperseg); // the overlap is the next segment's start
      this.filled = nperseg - step;
    }
  }
}

/**
 * Feeds `chunks` (per chunk, one array per channel, all of one length; `length` samples in all)
 * through a SegmentStream; `caller` names the estimate in the RangeError thrown when the chunks
 * are not `length` samples or their channels differ in length.
 */
export function streamSegments(chunks: Iterable<readonly Float64Array[]>, length: number, nperseg: number, step: number, channels: number,
  onSegment: (segments: readonly Float64Array[], start: number) => void, caller: string): void {
  const stream = new SegmentStream(nperseg, step, channels, onSegment);
  let seen = 0;
  for (const chunk of chunks) {
    if (chunk.length !== channels || chunk.some((c) => c.length !== chunk[0].length)) throw new RangeError(`${caller}: each chunk needs ${channels} arrays of one length`);
    seen += chunk[0].length;
    stream.push(chunk);
  }
  if (seen !== length) throw new RangeError(`${caller}: expected ${length} samples, got ${seen}`);
}

/** Chunks of one signal as one-channel chunks. */
export function* oneChannel(chunks: Iterable<Float64Array>): Generator<readonly Float64Array[]> {
  for (const chunk of chunks) yield [chunk];
}
