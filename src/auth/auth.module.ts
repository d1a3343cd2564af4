import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from '../audit/audit.module.js';
import { CasesRepositoryModule } from '../cases/cases-repository.module.js';
import { AccessGuard } from './access.guard.js';
import { CaseAccess } from './case-access.js';
import { TokenVerifier } from './token-verifier.js';

/** Who may call what: tokens, roles, and supporters' own cases. */
@Global()
@Module({
  imports: [AuditModule, CasesRepositoryModule],
  providers: [TokenVerifier, CaseAccess, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [CaseAccess, TokenVerifier],
})
export class AuthModule {}
