/**
 * A catalogue section: Korean and English texts with the same keys. The
 * type makes a key missing in one language a compile error.
 * Placeholders are `{name}`; they are filled by `t`.
 */
export function defineSection<const K extends string>(section: {
  ko: Record<K, string>;
  en: Record<K, string>;
}): { ko: Record<K, string>; en: Record<K, string> } {
  return section;
}
