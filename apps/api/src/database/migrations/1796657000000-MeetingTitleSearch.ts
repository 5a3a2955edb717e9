import type { MigrationInterface, QueryRunner } from 'typeorm';

// The one search box (docs/graphql.md#search) finds meetings by title without diacritics, as members and
// organisations are found by name: meeting.title_folded, kept by the database from the title, with a trigram index
// that serves "a word starts with …" (the same regular expressions as member.name_folded).
//
// fold_vi(text) is libs/domain foldVietnamese in SQL: every precomposed Latin letter with marks → its base letter,
// đ/Đ/ð/Ð → d, combining marks removed, lower case, whitespace collapsed. It maps letter by letter (translate), so
// it does not depend on the database's locale (lower() of "Ấ" under the C locale would keep it). The two strings are
// computed here, once, from Unicode's decompositions; the integration test compares the function with foldVietnamese.

const foldChar = (c: string): string => c.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[đð]/g, 'd');

/** [from, to] for translate(): each letter with marks and its folded letter, then the combining marks (deleted). */
const translation = (): [string, string] => {
  let from = '';
  let to = '';
  const ranges: [number, number][] = [
    [0xc0, 0x24f],
    [0x1e00, 0x1eff],
  ];
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= hi; cp++) {
      const c = String.fromCodePoint(cp);
      const f = foldChar(c);
      if (/^[a-z]$/.test(f) && f !== c) {
        from += c;
        to += f;
      }
    }
  }
  for (let cp = 0x300; cp <= 0x36f; cp++) from += String.fromCodePoint(cp);
  return [from, to];
};

export class MeetingTitleSearch1796657000000 implements MigrationInterface {
  name = 'MeetingTitleSearch1796657000000';

  async up(q: QueryRunner): Promise<void> {
    const [from, to] = translation();
    await q.query(`CREATE FUNCTION fold_vi(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
      SELECT btrim(regexp_replace(lower(translate(s, '${from}', '${to}')), '\\s+', ' ', 'g'))
    $$`);
    await q.query(`ALTER TABLE meeting ADD COLUMN title_folded text GENERATED ALWAYS AS (fold_vi(title)) STORED`);
    await q.query(`CREATE INDEX meeting_title_folded_trgm ON meeting USING gin (title_folded gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS meeting_title_folded_trgm`);
    await q.query(`ALTER TABLE meeting DROP COLUMN IF EXISTS title_folded`);
    await q.query(`DROP FUNCTION IF EXISTS fold_vi(text)`);
  }
}
