/**
 * Weights of pairs of terms, by the first term: the learned associations (associations.ts) and the
 * re-ranker's word pairs (rerank.ts) are both such tables, shipped as JSON objects of objects.
 */
export type TermTable = ReadonlyMap<string, ReadonlyMap<string, number>>;

export type TermTableJson = Record<string, Record<string, number>>;

const byKey = <T>([x]: [string, T], [y]: [string, T]): number => x.localeCompare(y);

/** Sorted, so a rebuilt table's file differs only where its weights do. */
export const termTableToJson = (table: TermTable): TermTableJson => Object.fromEntries([...table].sort(byKey).map(([term, row]) => [term, Object.fromEntries([...row].sort(byKey))]));

export const termTableFromJson = (json: TermTableJson): TermTable => new Map(Object.entries(json).map(([term, row]) => [term, new Map(Object.entries(row))]));
