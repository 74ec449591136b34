/**
 * Cutting text to a platform's limits: the one splitter (messages, sections,
 * prefilled input values) and the one `clip` (labels). Neither ever cuts
 * inside a character a person sees: cuts fall on grapheme boundaries
 * (`Intl.Segmenter`), so an emoji, a skin-tone or ZWJ sequence or a Hangul
 * syllable stays whole; only a single grapheme longer than the limit is cut,
 * and then on a code-point boundary, never inside a surrogate pair (a lone
 * surrogate makes Discord refuse the payload).
 *
 * Units: `splitText` limits are UTF-16 code units (`string.length`), which
 * is never less than a platform's own count (Discord counts code points), so
 * every piece fits wherever it goes; `clip` counts code points, as Discord
 * counts the labels it is used for.
 */

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The largest offset in `(0, at]` at which `text` may be cut: a grapheme
 * boundary, else (one grapheme longer than `at`) a code-point boundary.
 * `at` is at least 2, so a code-point boundary above 0 always exists.
 */
function safeCut(text: string, at: number): number {
  if (at >= text.length) return text.length;
  // A boundary depends only on what precedes it and the character at it, so
  // segmenting a little past `at` finds every boundary up to `at` exactly.
  // `containing` asks ICU for the grapheme around `at` alone: walking every
  // grapheme from the start took 16 ms per cut of a 3,000-unit piece, and a
  // burst of receipts of long answers spent a quarter of its time here.
  const best = graphemes.segment(text.slice(0, at + 2)).containing(at)?.index ?? 0;
  if (best > 0) return best;
  return isLowSurrogate(text.charCodeAt(at)) ? at - 1 : at;
}

/** Moves `cut` back to the start of an `unbreakable` span it falls inside (e.g. an `&amp;` entity). */
function outsideUnbreakable(text: string, cut: number, unbreakable: RegExp | undefined): number {
  if (!unbreakable) return cut;
  const pattern = new RegExp(
    unbreakable.source,
    unbreakable.flags.includes('g') ? unbreakable.flags : `${unbreakable.flags}g`,
  );
  for (const match of text.slice(0, cut + 64).matchAll(pattern)) {
    const start = match.index;
    if (start >= cut) break;
    if (start > 0 && cut < start + match[0].length) return start;
  }
  return cut;
}

/** How `splitText` cuts. */
export interface SplitOptions {
  /**
   * Cut as close to the limit as possible and keep every character, so the
   * pieces join back (`pieces.join('')`) to the text: for prefilled input
   * values. Default: prefer a line break, then a space, and drop the one
   * line break a cut falls on (messages).
   */
  exact?: boolean;
  /**
   * Renders each piece (escape, quote); the limit then applies to the
   * rendered piece. Splitting happens on the raw text, so escapes and quote
   * markers are applied whole to each piece.
   */
  render?: (piece: string) => string;
  /** Spans a cut must not fall inside, e.g. `/&[a-z]+;/` for escaped entities. */
  unbreakable?: RegExp;
}

function cutPieces(text: string, limit: number, options: SplitOptions): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > limit) {
    let cut = limit;
    if (!options.exact) {
      const window = rest.slice(0, limit);
      cut = window.lastIndexOf('\n');
      if (cut < limit / 2) cut = window.lastIndexOf(' ');
      if (cut < limit / 2) cut = limit;
    }
    cut = outsideUnbreakable(rest, safeCut(rest, cut), options.unbreakable);
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
    if (!options.exact && rest.startsWith('\n')) rest = rest.slice(1);
  }
  if (rest.length > 0 || chunks.length === 0) chunks.push(rest);
  return chunks;
}

/**
 * Splits text into pieces of at most `limit` UTF-16 units (after `render`,
 * when given), never inside a grapheme; see {@link SplitOptions} for where
 * it cuts. An empty text is one empty piece.
 * @throws RangeError when `limit` is below 2 (a surrogate pair must fit) or
 * `render` adds so much that no piece can fit: programming errors.
 */
export function splitText(text: string, limit: number, options: SplitOptions = {}): string[] {
  if (limit < 2) throw new RangeError('limit must be at least 2');
  const { render } = options;
  if (!render) return cutPieces(text, limit, options);
  const whole = render(text);
  if (whole.length <= limit) return [whole];
  let size = Math.min(limit, text.length);
  for (;;) {
    const pieces = cutPieces(text, size, options).map(render);
    if (pieces.every((piece) => piece.length <= limit)) return pieces;
    if (size <= 2) throw new RangeError(`limit ${limit} is too small for this rendering`);
    size = Math.max(2, Math.floor(size * 0.75));
  }
}

/**
 * `text` cut to at most `max` code points, ending with an ellipsis when cut,
 * never inside a grapheme. For labels and titles only (the full text is shown
 * elsewhere); never for people's answers.
 */
export function clip(text: string, max: number): string {
  // Only the first `max` code points matter (at most 2 UTF-16 units each): segmenting a
  // 90,000-character text took about a second per call, so look at a prefix only.
  const prefix = text.length > 2 * max + 2 ? text.slice(0, 2 * max + 2) : text;
  const points = [...prefix];
  if (prefix === text && points.length <= max) return text;
  const room = Math.max(0, max - 1);
  let kept = 0;
  let end = 0;
  for (const { segment, index } of graphemes.segment(prefix)) {
    const size = [...segment].length;
    // A grapheme cut by the prefix's end never fits: what precedes it plus its own
    // code points in the prefix already exceed `room` (a code point is at most 2 units).
    if (kept + size > room) break;
    kept += size;
    end = index + segment.length;
  }
  const head = end > 0 ? text.slice(0, end) : points.slice(0, room).join('');
  return `${head}…`;
}
