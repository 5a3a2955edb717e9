import type { MigrationInterface, QueryRunner } from 'typeorm';

// Committee term history (docs/organisation.md#terms): the terms (nhiệm kỳ) an organisation has had, so that a view
// as of a past date answers the term in force then. organisation.term_start / term_end / term_type stay the current
// term (flags, exports, imports and the rating figures read them); organisation_term holds every term, the current
// one included, written in the same transaction. Terms of one organisation never overlap: [start, end) ranges, so a
// term may start on the day the previous one ends; an open end runs on.
//
// The backfill gives every organisation with a term one row, its current term (a term ending on or before its start
// cannot be stored: the imports and mutations have always refused one, so none is expected; such a row is left out).

export class OrganisationTerms1796658000000 implements MigrationInterface {
  name = 'OrganisationTerms1796658000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organisation_term (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_id uuid NOT NULL REFERENCES organisation(id),
        term_start date NOT NULL,
        term_end date,
        term_type text,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_term_period CHECK (term_end IS NULL OR term_end > term_start),
        CONSTRAINT organisation_term_no_overlap EXCLUDE USING gist (organisation_id WITH =, daterange(term_start, term_end) WITH &&)
      )`);
    await q.query(`CREATE INDEX organisation_term_org ON organisation_term (organisation_id, term_start)`);
    await q.query(`
      INSERT INTO organisation_term (organisation_id, term_start, term_end, term_type)
      SELECT id, term_start, term_end, term_type FROM organisation
       WHERE term_start IS NOT NULL AND (term_end IS NULL OR term_end > term_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS organisation_term`);
  }
}
