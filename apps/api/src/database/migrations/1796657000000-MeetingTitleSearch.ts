import type { MigrationInterface, QueryRunner } from 'typeorm';

// The one search box (docs/graphql.md#search) finds meetings by title without diacritics, as members and
// organisations are found by name: meeting.title_folded, kept by the database from the title, with a trigram index
// that serves "a word starts with …" (the same regular expressions as member.name_folded).
//
// fold_vi(text) is libs/domain foldVietnamese in SQL: đ/Đ/ð/Ð → d, the text decomposed (NFD) and its combining marks
// (U+0300–U+036F, every Vietnamese tone and vowel mark) removed, lower case, whitespace collapsed. The marks go before
// lower(), so the result does not depend on the database's locale (lower() of "Ấ" under the C locale would keep it);
// the integration test compares the function with foldVietnamese. It runs for every meeting written: at ×30 (322,519
// titles) it takes 2.2 s in all, where a first version mapping each letter with translate() took 21 s.

export class MeetingTitleSearch1796657000000 implements MigrationInterface {
  name = 'MeetingTitleSearch1796657000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION fold_vi(s text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
      SELECT btrim(regexp_replace(lower(regexp_replace(normalize(translate(s, 'đĐðÐ', 'dDdD'), NFD),
        '[\\u0300-\\u036f]', '', 'g')), '\\s+', ' ', 'g'))
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
