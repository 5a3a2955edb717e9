import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { graphql } from '../../../gql';
import type { AuditFilter, CreateApiTokenInput, CreateUserInput, AddGrantInput } from '../../../gql/graphql';
import { request } from '../../../lib/graphql-client';
import { useApiMutation } from '../../../lib/invalidation';

// Administration: user accounts and their grants, API tokens, the audit log and its hash-chain check (administrators
// only; the API checks). Webhooks: api/webhooks.ts (a lazy chunk).

const USERS = graphql(`
  query AdminUsers($page: PageInput) {
    users(page: $page) {
      total
      items { id username displayName isActive lastSignInAt memberId grants { id role organisationId memberId } }
    }
  }
`);

const TOKENS = graphql(`
  query AdminApiTokens($page: PageInput) {
    apiTokens(page: $page) { total items { id name tokenPrefix organisationId access createdAt expiresAt revokedAt lastUsedAt } }
  }
`);

const AUDIT = graphql(`
  query AdminAuditLog($filter: AuditFilter, $page: PageInput) {
    auditLog(filter: $filter, page: $page) {
      total
      items { id at actorType actorName operation entityType entityId before after requestId }
    }
  }
`);

const AUDIT_VERIFICATION = graphql(`
  query AdminAuditVerification {
    auditVerification { id at ok rowsChecked sealsChecked unsealedRows firstBrokenId brokenSeal problem lastDigest runBy }
  }
`);

const MEMBER_SEARCH = graphql(`
  query AdminMemberSearch($search: String!) {
    members(filter: { search: $search }, page: { limit: 20 }) { items { id fullName organisation { name } } }
  }
`);

export const adminKeys = {
  users: (offset: number, limit: number) => ['admin', 'users', { offset, limit }] as const,
  tokens: (offset: number, limit: number) => ['admin', 'tokens', { offset, limit }] as const,
  audit: (filter: AuditFilter, offset: number, limit: number) => ['admin', 'audit', { filter, offset, limit }] as const,
  memberSearch: (search: string) => ['admin', 'memberSearch', { search }] as const,
  auditVerification: () => ['admin', 'auditVerification'] as const,
};

const usersQueryOptions = (offset: number, limit: number) =>
  queryOptions({
    queryKey: adminKeys.users(offset, limit),
    queryFn: ({ signal }) => request(USERS, { page: { offset, limit } }, { signal }).then((d) => d.users),
  });

const tokensQueryOptions = (offset: number, limit: number) =>
  queryOptions({
    queryKey: adminKeys.tokens(offset, limit),
    queryFn: ({ signal }) => request(TOKENS, { page: { offset, limit } }, { signal }).then((d) => d.apiTokens),
  });

const auditQueryOptions = (filter: AuditFilter, offset: number, limit: number) =>
  queryOptions({
    queryKey: adminKeys.audit(filter, offset, limit),
    queryFn: ({ signal }) => request(AUDIT, { filter, page: { offset, limit } }, { signal }).then((d) => d.auditLog),
  });

// a new page keeps the previous rows on screen until it arrives
export const useUsers = (offset: number, limit: number) =>
  useQuery({ ...usersQueryOptions(offset, limit), placeholderData: keepPreviousData });
export const useApiTokens = (offset: number, limit: number) =>
  useQuery({ ...tokensQueryOptions(offset, limit), placeholderData: keepPreviousData });
export const useAuditLog = (filter: AuditFilter, offset: number, limit: number) =>
  useQuery({ ...auditQueryOptions(filter, offset, limit), placeholderData: keepPreviousData });

export const useAuditVerification = () =>
  useQuery({
    queryKey: adminKeys.auditVerification(),
    queryFn: ({ signal }) => request(AUDIT_VERIFICATION, {}, { signal }).then((d) => d.auditVerification),
  });

export const useMemberSearch = (search: string) =>
  useQuery({
    queryKey: adminKeys.memberSearch(search),
    queryFn: ({ signal }) => request(MEMBER_SEARCH, { search }, { signal }).then((d) => d.members.items),
    enabled: search.trim().length >= 2,
  });

const CREATE_USER = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) { createUser(input: $input) { id username } }
`);
const SET_PASSWORD = graphql(`
  mutation AdminSetUserPassword($userId: ID!, $password: String!) { setUserPassword(userId: $userId, password: $password) }
`);
const ADD_GRANT = graphql(`
  mutation AdminAddGrant($input: AddGrantInput!) { addGrant(input: $input) { id } }
`);
const REMOVE_GRANT = graphql(`
  mutation AdminRemoveGrant($id: ID!) { removeGrant(id: $id) }
`);
const CREATE_TOKEN = graphql(`
  mutation AdminCreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { id name } } }
`);
const VERIFY_AUDIT = graphql(`
  mutation AdminVerifyAuditLog { verifyAuditLog { id ok } }
`);
const REVOKE_TOKEN = graphql(`
  mutation AdminRevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id } }
`);

export const useCreateUser = () =>
  useApiMutation('createUser', (input: CreateUserInput) => request(CREATE_USER, { input }).then((d) => d.createUser));
export const useSetUserPassword = () =>
  useApiMutation('setUserPassword', (v: { userId: string; password: string }) =>
    request(SET_PASSWORD, v).then((d) => d.setUserPassword),
  );
export const useAddGrant = () =>
  useApiMutation('addGrant', (input: AddGrantInput) => request(ADD_GRANT, { input }).then((d) => d.addGrant));
export const useRemoveGrant = () =>
  useApiMutation('removeGrant', (id: string) => request(REMOVE_GRANT, { id }).then((d) => d.removeGrant));
export const useCreateApiToken = () =>
  useApiMutation('createApiToken', (input: CreateApiTokenInput) =>
    request(CREATE_TOKEN, { input }).then((d) => d.createApiToken),
  );
export const useRevokeApiToken = () =>
  useApiMutation('revokeApiToken', (id: string) => request(REVOKE_TOKEN, { id }).then((d) => d.revokeApiToken));
export const useVerifyAuditLog = () =>
  useApiMutation('verifyAuditLog', () => request(VERIFY_AUDIT, {}).then((d) => d.verifyAuditLog));
