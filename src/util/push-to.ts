// Grouping items into lists kept in a Map, without copying a list on every addition (Map.groupBy needs Node 21).

/** Adds `item` to the list kept under `key`. */
export function pushTo<K, T>(lists: Map<K, T[]>, key: K, item: T): void {
  const list = lists.get(key);
  if (list) list.push(item);
  else lists.set(key, [item]);
}
