import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEmail, IsIn, IsISO8601, IsOptional, IsString, Length, Matches, MaxLength, MinLength } from 'class-validator';
import { Paginated, KeysetPaginated } from '../../common/graphql/pagination';
import { JsonScalar } from '../../common/graphql/scalars';

export const GrantRoleEnum = {
  SYSTEM_ADMIN: 'SYSTEM_ADMIN',
  COMMITTEE_READ: 'COMMITTEE_READ',
  COMMITTEE_WRITE: 'COMMITTEE_WRITE',
  CELL_SECRETARY: 'CELL_SECRETARY',
  MEMBER: 'MEMBER',
} as const;
registerEnumType(GrantRoleEnum, {
  name: 'GrantRole',
  description:
    "SYSTEM_ADMIN: everything. COMMITTEE_READ / COMMITTEE_WRITE: read or read-write on an organisation subtree (committee staff). CELL_SECRETARY: read-write on one cell. MEMBER: one member's own record.",
});
export const TokenAccessEnum = { READ: 'READ', READ_WRITE: 'READ_WRITE' } as const;
registerEnumType(TokenAccessEnum, { name: 'TokenAccess', description: 'What an API token may do in its subtree.' });

@ObjectType({ description: 'A grant held by a user.' })
export class Grant {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => GrantRoleEnum, { description: 'Role.' }) role!: string;
  @Field(() => ID, { nullable: true, description: 'Organisation whose subtree the grant covers.' }) organisationId!:
    string | null;
  @Field(() => ID, { nullable: true, description: 'Member (MEMBER grants).' }) memberId!: string | null;
}

@ObjectType({ description: 'The caller: a signed-in user or an API token.' })
export class Viewer {
  @Field(() => ID, { description: 'User or token id.' }) id!: string;
  @Field({ description: 'Username (or token:<name>).' }) username!: string;
  @Field({ description: 'Display name.' }) displayName!: string;
  @Field({ description: 'System administrator.' }) isAdmin!: boolean;
  @Field({ description: 'USER or API_TOKEN.' }) kind!: string;
  @Field(() => [Grant], { description: 'Grants.' }) grants!: Grant[];
}

@ObjectType({ description: 'Tokens for a signed-in session.' })
export class AuthPayload {
  @Field({ description: 'Short-lived access token: send as "Authorization: Bearer <token>".' }) accessToken!: string;
  @Field(() => Date, { description: 'When the access token expires.' }) accessTokenExpiresAt!: Date;
  @Field(() => String, {
    nullable: true,
    description:
      'Refresh token for callers that are not browsers: exchange it with refreshSession before the access token expires; single use. Always null for a browser (a request with Origin or Sec-Fetch-Site): it gets the token only as the HttpOnly cookie chibo_refresh (Path=/graphql, SameSite=Strict).',
  })
  refreshToken!: string | null;
  @Field(() => Viewer, { description: 'Who signed in.' }) viewer!: Viewer;
}

@InputType({ description: 'Username and password.' })
export class SignInInput {
  @Field({ description: 'Username.' }) @IsString() @Length(1, 100) username!: string;
  @Field({ description: 'Password.' }) @IsString() @Length(1, 200) password!: string;
}

@ObjectType({ description: 'A user account.' })
export class User {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({ description: 'Username.' }) username!: string;
  @Field({ description: 'Display name.' }) displayName!: string;
  @Field({ description: 'Active (may sign in).' }) isActive!: boolean;
  @Field(() => ID, { nullable: true, description: 'Linked member record.' }) memberId!: string | null;
  @Field(() => Date, { nullable: true, description: 'Last successful sign-in.' }) lastSignInAt!: Date | null;
  @Field(() => [Grant], { description: 'Grants.' }) grants!: Grant[];
}

@ObjectType({ description: 'A page of user accounts.' })
export class UserPage extends Paginated(User, 'User', 'users') {}

@InputType({ description: 'A new user.' })
export class CreateUserInput {
  @Field({ description: 'Username: 3–100 of a-z 0-9 . _ -' })
  @Matches(/^[a-z0-9._-]{3,100}$/, { message: 'username must be 3–100 characters of a-z, 0-9, ".", "_" or "-"' })
  username!: string;
  @Field({ description: 'Display name.' }) @IsString() @Length(1, 200) displayName!: string;
  @Field({
    description:
      'Password: at least 10 characters, not a common password or pattern, not containing the username (reasons PASSWORD_TOO_SHORT, PASSWORD_TOO_COMMON, PASSWORD_CONTAINS_USERNAME).',
  })
  @IsString()
  @MinLength(10)
  password!: string;
  @Field(() => ID, { nullable: true, description: 'Linked member record.' })
  @IsOptional()
  @IsString()
  memberId?: string;
  @Field({
    nullable: true,
    description:
      "E-mail address the user's notices are also sent to when the server has SMTP configured (docs/notices.md); never shown in lists or logs.",
  })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string;
}

@InputType({ description: 'A grant for a user.' })
export class AddGrantInput {
  @Field(() => ID, { description: 'User.' }) @IsString() userId!: string;
  @Field(() => GrantRoleEnum, { description: 'Role.' }) @IsIn(Object.keys(GrantRoleEnum)) role!: string;
  @Field(() => ID, { nullable: true, description: 'Organisation (COMMITTEE_* and CELL_SECRETARY).' })
  @IsOptional()
  @IsString()
  organisationId?: string;
  @Field(() => ID, { nullable: true, description: 'Member (MEMBER).' }) @IsOptional() @IsString() memberId?: string;
}

@ObjectType({ description: 'An API token for an integration (its secret is never shown again after creation).' })
export class ApiToken {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field({ description: 'Name.' }) name!: string;
  @Field({ description: 'First characters of the secret, to recognise it.' }) tokenPrefix!: string;
  @Field(() => ID, { description: 'Subtree the token may reach.' }) organisationId!: string;
  @Field(() => TokenAccessEnum, { description: 'Access.' }) access!: string;
  @Field(() => Date, { description: 'Created.' }) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Expiry.' }) expiresAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Revoked.' }) revokedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'Last used.' }) lastUsedAt!: Date | null;
}

@ObjectType({ description: 'A page of API tokens.' })
export class ApiTokenPage extends Paginated(ApiToken, 'ApiToken', 'API tokens') {}

@ObjectType({ description: 'A new API token with its secret, shown this once.' })
export class CreatedApiToken {
  @Field({
    description: 'The secret: send as "Authorization: Bearer <secret>". Store it now; it cannot be shown again.',
  })
  secret!: string;
  @Field(() => ApiToken, { description: 'The token.' }) token!: ApiToken;
}

@InputType({ description: 'A new API token.' })
export class CreateApiTokenInput {
  @Field({ description: 'Name (which system uses it).' }) @IsString() @Length(1, 200) name!: string;
  @Field(() => ID, { description: 'Subtree it may reach.' }) @IsString() organisationId!: string;
  @Field(() => TokenAccessEnum, { description: 'READ or READ_WRITE.' }) @IsIn(['READ', 'READ_WRITE']) access!: string;
  @Field({
    nullable: true,
    description: 'Expiry (ISO date-time, in the future; EXPIRY_IN_PAST otherwise). Unset: no expiry.',
  })
  @IsOptional()
  @IsISO8601()
  expiresAt?: string;
}

@ObjectType({ description: 'One write recorded in the audit log.' })
export class AuditEntry {
  @Field(() => ID, { description: 'Identifier.' }) id!: string;
  @Field(() => Date, { description: 'When.' }) at!: Date;
  @Field({ description: 'USER, API_TOKEN or SYSTEM.' }) actorType!: string;
  @Field(() => ID, { nullable: true, description: 'User or token id.' }) actorId!: string | null;
  @Field({ description: 'Username or token name.' }) actorName!: string;
  @Field({ description: 'Operation, e.g. createMember.' }) operation!: string;
  @Field({ description: 'Entity type.' }) entityType!: string;
  @Field(() => String, { nullable: true, description: 'Entity id.' }) entityId!: string | null;
  @Field(() => JsonScalar, { nullable: true, description: 'State before.' }) before!: unknown;
  @Field(() => JsonScalar, { nullable: true, description: 'State after (or the input).' }) after!: unknown;
  @Field(() => String, { nullable: true, description: 'Request id.' }) requestId!: string | null;
}

@ObjectType({ description: 'A page of audit log entries, newest first.' })
export class AuditEntryPage extends KeysetPaginated(AuditEntry, 'AuditEntry', 'audit entries') {}

@InputType({ description: 'Filter for the audit log.' })
export class AuditFilter {
  @Field({ nullable: true, description: 'Entity type.' }) @IsOptional() @IsString() entityType?: string;
  @Field({ nullable: true, description: 'Entity id.' }) @IsOptional() @IsString() entityId?: string;
  @Field({ nullable: true, description: 'Operation.' }) @IsOptional() @IsString() operation?: string;
  @Field(() => ID, { nullable: true, description: 'Actor id.' }) @IsOptional() @IsString() actorId?: string;
}
