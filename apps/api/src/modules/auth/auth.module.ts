import { createSecretKey } from 'node:crypto';
import { Module, type DynamicModule } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { ActorLookup } from '../../common/auth/actor-lookup';
import type { AppConfig } from '../../config/app-config';
import { AdminService } from './admin.service';
import { AuditChainResolver } from './audit-chain.resolver';
import { AuthResolver } from './auth.resolver';
import { resolveJwtSecret } from '../../config/secrets';
import { AuthService } from './auth.service';
import { SessionCookie } from './session-cookie';

/**
 * Users, sessions (JWT access and rotating refresh tokens), API tokens and grants. Exports only `ActorLookup`
 * (AuthService behind it), which the GraphQL plumbing needs to know the caller; no feature module uses auth.
 */
@Module({})
export class AuthModule {
  static with(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      imports: [
        JwtModule.register({
          // A KeyObject made once: given a string, jsonwebtoken first tries to parse it as a PEM public key (and fails)
          // on every verification, about 0.7 ms of each request's CPU. Same bytes (UTF-8), so the same tokens.
          secret: createSecretKey(Buffer.from(resolveJwtSecret(config), 'utf8')),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      providers: [
        AuthService,
        AdminService,
        SessionCookie,
        AuthResolver,
        AuditChainResolver,
        { provide: ActorLookup, useExisting: AuthService },
      ],
      exports: [ActorLookup],
    };
  }
}
