/**
 * SQL pieces the migrations share. Pure string builders: what a migration emits must never change once it has shipped,
 * so a piece here is only ever added to, never edited.
 */

/** The REFERENCING clause of a statement-level trigger for `event`: the transition tables it may read. */
export const transitionTables = (event: string): string =>
  event === 'INSERT'
    ? 'NEW TABLE AS new_rows'
    : event === 'DELETE'
      ? 'OLD TABLE AS old_rows'
      : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
