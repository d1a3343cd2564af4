import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CasesRepositoryModule } from '../cases/cases-repository.module.js';
import { AccessGuard } from './access.guard.js';
import { LocalAccounts } from './accounts/local-accounts.js';
import { UserAccount } from './accounts/user-account.entity.js';
import { CaseAccess } from './case-access.service.js';
import { OidcSignIn } from './oidc/oidc-sign-in.entity.js';
import { OidcSignInController } from './oidc/oidc-sign-in.controller.js';
import { OidcSignIns } from './oidc/oidc-sign-ins.js';
import { BrowserSession } from './sessions/browser-session.entity.js';
import { BrowserSessions } from './sessions/browser-sessions.js';
import { SignInController } from './sessions/sign-in.controller.js';
import { SignInRepository } from './sign-in.repository.js';
import { TokenVerifier } from './token-verifier.service.js';

/** Who may call what: tokens, browser sessions and their sign-in, roles, and supporters' own cases. */
@Global()
@Module({
  imports: [AuditModule, CasesRepositoryModule, TypeOrmModule.forFeature([UserAccount, BrowserSession, OidcSignIn])],
  controllers: [SignInController, OidcSignInController],
  providers: [
    TokenVerifier,
    CaseAccess,
    BrowserSessions,
    LocalAccounts,
    OidcSignIns,
    SignInRepository,
    { provide: APP_GUARD, useClass: AccessGuard },
  ],
  exports: [CaseAccess, TokenVerifier],
})
export class AuthModule {}
