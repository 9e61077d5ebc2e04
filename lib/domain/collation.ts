/**
 * Vietnamese order for names: "Đ" right after "D", tones after their base letter, numbers by
 * value ("Phường 2" before "Phường 10"). Every list of names is sorted with this, never by the
 * database's byte order (which puts "Đ" after "Z").
 */
export const nameCollator = new Intl.Collator('vi', { numeric: true });

/** A comparator for sorting records by a name. */
export function byName<T>(name: (row: T) => string): (a: T, b: T) => number {
  return (a, b) => nameCollator.compare(name(a), name(b));
}
