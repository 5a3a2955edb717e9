// Column lists shared by the organisation queries (one place, so every query returns the same shape).
export const ORG_COLUMNS = `
  o.id, o.code, o.name, o.kind, o.level_name AS "levelName", o.unit_served AS "unitServed",
  o.established_on AS "establishedOn", o.dissolved_on AS "dissolvedOn", o.term_start AS "termStart",
  o.term_end AS "termEnd", o.term_type AS "termType"`;

export type OrgRow = {
  id: string;
  code: string;
  name: string;
  kind: string;
  levelName: string | null;
  unitServed: string | null;
  establishedOn: string;
  dissolvedOn: string | null;
  termStart: string | null;
  termEnd: string | null;
  termType: string | null;
  parentId: string | null;
  path: string;
  depth: number;
};
