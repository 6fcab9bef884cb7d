/**
 * User text as the screens draw it: every grapheme cluster terminals disagree on is drawn in a
 * plain form every terminal measures alike, so a name like `Priya 🙏🏽` cannot shift the frame.
 * string-width (the measure Ink lays out with) counts `🙏🏽` as 2 columns, but tmux 3.3 and other
 * terminals that measure code point by code point (wcwidth) draw it in 4; no width table is
 * right for every terminal, so these clusters are drawn without the parts they disagree on:
 *
 * - an emoji with a skin tone: the emoji alone (`🙏🏽` → `🙏`);
 * - a ZWJ sequence: its first emoji (`👨‍👩‍👧` → `👨`, `🧑‍⚕️` → `🧑`);
 * - a keycap: its digit (`1️⃣` → `1`); a symbol with VS16: the symbol (`❤️` → `❤`); a tag
 *   sequence (the flag of England): its black flag;
 * - an Indic conjunct (`क्ष`, one cluster to string-width, two cells to a terminal): a ZWNJ after
 *   the virama, so each consonant is its own cluster, as terminals draw them (`क्‌ष`);
 * - a cluster with nothing visible (a zero-width space, a soft hyphen, a stray combining mark):
 *   left out, as string-width counts it 0, Ink's frame 1, and tmux 0 or 1.
 *
 * Flags (`🇮🇳`) and combining accents are drawn as they are: terminals and string-width agree.
 * Only the drawing changes: names are stored, searched and exported as they were entered.
 */
import stringWidth from 'string-width';

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Anything here may need a plain form; plain text (the common case) skips the segmenter. */
const MAY_DIFFER = /[\u0900-\u0dff]|\u20e3|[\u{1f000}-\u{1faff}]|\p{Extended_Pictographic}|\p{Default_Ignorable_Code_Point}|\p{M}/u;
const EMOJI = /\p{Extended_Pictographic}|\u20e3/u;
/** The parts of an emoji cluster terminals measure differently: skin tones, variation selectors, keycap marks, tags. */
const EMOJI_EXTRAS = /\p{Emoji_Modifier}|\ufe0e|\ufe0f|\u20e3|[\u{e0020}-\u{e007f}]/gu;
/** A consonant joined to the consonant before it (after its virama) in one cluster. */
const JOINED_CONSONANT = /(?<=\p{M})(?=[\p{sc=Deva}\p{sc=Beng}\p{sc=Guru}\p{sc=Gujr}\p{sc=Orya}\p{sc=Taml}\p{sc=Telu}\p{sc=Knda}\p{sc=Mlym}])(?=\p{L})/gu;
const ZWJ = '\u200d';
const ZWNJ = '\u200c';

function plainCluster(cluster: string): string {
  if (EMOJI.test(cluster)) {
    const first = cluster.includes(ZWJ) ? cluster.slice(0, cluster.indexOf(ZWJ)) : cluster;
    const plain = first.replace(EMOJI_EXTRAS, '');
    // A skin tone or keycap mark standing alone is drawn as it is.
    return plain === '' ? first : plain;
  }
  if (stringWidth(cluster) === 0) return '';
  // A ZWJ between letters (a requested half form): terminals join the next letter into its cell or not.
  const letters = cluster.includes(ZWJ) ? cluster.replaceAll(ZWJ, '') : cluster;
  return letters.replace(JOINED_CONSONANT, ZWNJ);
}

/** `text` as the screens draw it: each cluster terminals disagree on in its plain form. */
export function plainClusters(text: string): string {
  if (!MAY_DIFFER.test(text)) return text;
  let drawn = '';
  for (const { segment } of graphemes.segment(text)) drawn += plainCluster(segment);
  return drawn;
}
