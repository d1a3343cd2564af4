import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A sign-in sent to the OpenID Connect provider and not yet back: what the callback must check
 * (state, nonce) and prove (the PKCE verifier), kept on the server so any process can finish it.
 */
@Entity('oidc_sign_ins')
export class OidcSignIn {
  /** SHA-256 of the state, hex: the browser's cookie and the provider's redirect both carry the state. */
  @PrimaryColumn({ type: 'varchar', length: 64 })
  stateHash!: string;

  @Column({ type: 'varchar', length: 128 })
  nonce!: string;

  @Column({ type: 'varchar', length: 128 })
  codeVerifier!: string;

  @Column({ type: Date })
  createdAt!: Date;
}
