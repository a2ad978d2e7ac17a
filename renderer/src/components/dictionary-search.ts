import type { DictionaryItem } from '../app/session';

/**
 * Dictionary lookup for fast typing: a code prefix ("01.02") or words found anywhere in the name
 * ("жил комм" finds «Жилищно-коммунальное хозяйство»). Code matches first, then names containing the
 * text as a whole word («минск» → «г. Минск» before «Минская область»), then names that start with the
 * text, then the rest, each in dictionary order.
 */
export function searchDictionary(
  items: readonly DictionaryItem[],
  text: string,
  limit = 12,
  exclude: ReadonlySet<string> = new Set(),
): DictionaryItem[] {
  const query = text.trim().toLowerCase().replace(/ё/g, 'е');
  const pool = items.filter((i) => !exclude.has(i.code));
  if (!query) return pool.slice(0, limit);
  const words = query.split(/\s+/);
  const ranked: { item: DictionaryItem; rank: number }[] = [];
  for (const item of pool) {
    const name = item.name.toLowerCase().replace(/ё/g, 'е');
    const code = item.code.toLowerCase();
    let rank = -1;
    if (code === query) rank = 0;
    else if (code.startsWith(query)) rank = 1;
    else if (name === query || name.split(/[\s,.()«»"-]+/).includes(query)) rank = 2;
    else if (name.startsWith(query)) rank = 3;
    else if (words.every((w) => name.includes(w) || code.startsWith(w))) rank = 4;
    if (rank >= 0) ranked.push({ item, rank });
  }
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked.slice(0, limit).map((r) => r.item);
}
