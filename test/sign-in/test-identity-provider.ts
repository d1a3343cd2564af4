import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

export interface ProviderAccount {
  name: string;
  groups: string[];
  supporterId?: string;
}

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1 for the service to sign people in
 * through. Its sign-in page is replaced by a choice the test makes beforehand (`signInAs`): the
 * person's authentication is the provider's business, what the service does with the answer is
 * what the tests are about. Consent is given for the one client.
 */
export class TestIdentityProvider {
  private nextAccount = '';

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static readonly CLIENT_ID = 'umgangesstod';
  static readonly CLIENT_SECRET = 'a-client-secret-only-this-test-knows';

  /** Starts the provider for a service whose sign-in comes back to `callbackUrl`. */
  static async start(callbackUrl: string, accounts: Record<string, ProviderAccount>): Promise<TestIdentityProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const idp = new TestIdentityProvider(server, issuer);
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: TestIdentityProvider.CLIENT_ID,
          client_secret: TestIdentityProvider.CLIENT_SECRET,
          redirect_uris: [callbackUrl],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      claims: { openid: ['sub'], profile: ['name', 'groups', 'supporterId'] },
      findAccount(_ctx, sub) {
        const account = accounts[sub];
        return Promise.resolve(account && { accountId: sub, claims: () => Promise.resolve({ sub, ...account }) });
      },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      cookies: { keys: ['a-cookie-key-only-this-test-knows'] },
      pkce: { required: () => true },
    });
    const handle = provider.callback();
    server.on('request', (req, res) => {
      if (!req.url?.startsWith('/interaction/')) return void handle(req, res);
      void (async () => {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          await provider.interactionFinished(req, res, { login: { accountId: idp.nextAccount } });
          return;
        }
        const grant = new provider.Grant({
          accountId: details.session!.accountId,
          clientId: TestIdentityProvider.CLIENT_ID,
        });
        grant.addOIDCScope('openid profile');
        await provider.interactionFinished(
          req,
          res,
          { consent: { grantId: await grant.save() } },
          { mergeWithLastSubmission: true },
        );
      })().catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    return idp;
  }

  /** Who the provider signs in at the next sign-in it is asked for. */
  signInAs(accountId: string): void {
    this.nextAccount = accountId;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
