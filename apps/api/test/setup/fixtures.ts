import type { Gql } from './harness';
import { uniq } from './harness';

const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id code } }`;
const CREATE_MEMBER = `mutation($i: CreateMemberInput!) { createMember(input: $i) { id } }`;

let natSerial = Math.floor(Math.random() * 900000);
export const nationalId = (): string => `0790${String(Date.now() % 100).padStart(2, '0')}${String(natSerial++ % 1000000).padStart(6, '0')}`;

/**
 * A small tree: root R with committees A and B; A → grassroots committee GA → cells a1 (3 members), a2 (1);
 * B → grassroots committee GB → cell b1 (1). Established 2015-01-01.
 */
export const buildTree = async (gql: Gql, token: string) => {
  const p = uniq('T');
  const org = async (code: string, name: string, kind: string, parentId?: string) => {
    const res = await gql(CREATE_ORG, { i: { code: `${p}.${code}`, name, kind, parentId, establishedOn: '2015-01-01' } }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createOrganisation.id as string;
  };
  const R = await org('R', 'Đảng bộ thử nghiệm', 'COMMITTEE');
  const A = await org('A', 'Đảng ủy A', 'COMMITTEE', R);
  const B = await org('B', 'Đảng ủy B', 'COMMITTEE', R);
  const GA = await org('GA', 'Đảng bộ cơ sở A', 'GRASSROOTS_COMMITTEE', A);
  const GB = await org('GB', 'Đảng bộ cơ sở B', 'GRASSROOTS_COMMITTEE', B);
  const a1 = await org('a1', 'Chi bộ Văn phòng', 'SUBORDINATE_CELL', GA);
  const a2 = await org('a2', 'Chi bộ Kế toán', 'SUBORDINATE_CELL', GA);
  const b1 = await org('b1', 'Chi bộ Kỹ thuật', 'SUBORDINATE_CELL', GB);
  const member = async (organisationId: string, fullName: string, extra: Record<string, unknown> = {}) => {
    const res = await gql(CREATE_MEMBER, {
      i: { organisationId, fullName, birthDate: '1985-03-04', gender: 'MALE', nationalId: nationalId(), admissionDecisionDate: '2010-05-01', ceremonyDate: '2010-05-19', fullMembershipDate: '2011-05-19', joinedOn: '2015-01-01', ...extra },
    }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createMember.id as string;
  };
  const m1 = await member(a1, 'Nguyễn Văn An');
  const m2 = await member(a1, 'Trần Thị Hường', { gender: 'FEMALE' });
  const m3 = await member(a1, 'Lê Đức Thắng');
  const m4 = await member(a2, 'Phạm Minh Tuấn');
  const m5 = await member(b1, 'Đặng Quốc Việt');
  return { prefix: p, R, A, B, GA, GB, a1, a2, b1, m1, m2, m3, m4, m5, member, org };
};
