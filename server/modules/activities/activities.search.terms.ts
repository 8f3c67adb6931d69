// Turns what a reader typed into search terms. Words of space-separated scripts go to the
// text-search index (each as a prefix, so "traffick" finds "trafficking"); runs of Chinese,
// Japanese or Korean characters have no spaces to split on and are matched as substrings
// through the trigram index instead.

/** Han, kana and hangul: scripts written without spaces between words. */
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export interface SearchTerms {
  /** Words of spaced scripts, lower-cased; each must match (or nearly match a title word). */
  words: string[];
  /** A to_tsquery expression over the `tiphub_search` configuration, or null if no such words. */
  tsquery: string | null;
  /** Substrings that must all occur (lower-cased; unaccented by the database). */
  substrings: string[];
  /** The whole query, for trigram similarity with titles (misspellings). */
  phrase: string;
}

export function searchTerms(q: string): SearchTerms {
  // Letters, marks (Arabic vowel signs, combining accents) and digits make words.
  const tokens = q
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 20);
  const words = tokens.filter((t) => !unspaced.test(t));
  const substrings = tokens.filter((t) => unspaced.test(t));
  // Tokens hold only letters, marks and digits, so quoting them cannot break the expression.
  const tsquery = words.length ? words.map((w) => `'${w}':*`).join(' & ') : null;
  return { words, tsquery, substrings, phrase: tokens.join(' ') };
}
