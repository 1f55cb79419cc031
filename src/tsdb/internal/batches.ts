/** Splits `items` into runs of at most `size`, keeping statements under parameter limits (SQLite 32,766; PostgreSQL 65,535). */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
