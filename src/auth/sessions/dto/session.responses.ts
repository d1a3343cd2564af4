import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../../../common/actor.js';

/** The signed-in person, as the web app shows them and decides what to offer. */
export class SignedInUser {
  @ApiProperty({
    example: 'anna',
    description: 'The local username, or the identity provider’s subject: the id every change is recorded under',
  })
  username!: string;

  @ApiProperty({ example: 'Anna Berg' })
  name!: string;

  @ApiProperty({ enum: ROLES, example: 'secretary', description: 'The first of `roles`' })
  role!: Role;

  @ApiProperty({
    enum: ROLES,
    isArray: true,
    example: ['secretary'],
    description: 'Every role sign-in granted (an identity provider may grant several)',
  })
  roles!: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: 'For a supporter: their record in the supporter register' })
  supporterId?: string;
}

/** A browser session: who is signed in, and the token every change must carry in `X-CSRF-Token`. */
export class SessionResponse {
  @ApiProperty({ type: SignedInUser })
  user!: SignedInUser;

  @ApiProperty({
    example: 'n4bQgNjQ8yQd3f1QwQm2Zr7m5c8Yb1s9f0Vq2Jk4Lx8',
    description:
      'Send it as the `X-CSRF-Token` header with every request that changes something (any method but GET, HEAD and OPTIONS)',
  })
  csrfToken!: string;
}

/** What sign-in the browser offers. */
export class SignInOptionsResponse {
  @ApiProperty({
    description:
      'true: sign in through the municipality’s OpenID Connect provider (`GET /auth/oidc/login`); false: with a local username and password (`POST /auth/login`)',
  })
  oidc!: boolean;
}
