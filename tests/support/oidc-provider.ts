import { generateKeyPairSync, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** A person the test identity provider knows. */
export interface ProviderAccount {
  email?: string;
  emailVerified?: boolean;
}

/** How the next sign-in at the provider goes: who signs in, and what second factor it reports. */
export interface ProviderLogin {
  subject: string;
  amr?: string[];
  acr?: string;
}

export const TEST_CLIENT = { id: 'kieumau', secret: 'kieumau-test-client-secret' };

/**
 * A real OpenID Connect provider (oidc-provider, the library behind many production providers)
 * on a loopback port, standing in for the Ministry's Keycloak. Its login step has no form: the
 * test says who signs in next (`nextLogin`), with which `amr`/`acr`; consent is granted. Every
 * other step (discovery, authorization, PKCE, the code exchange, signed ID tokens, userinfo,
 * end-session) is the library's own.
 */
export async function startOidcProvider(options: {
  /** Where it listens (default: any free port). */
  port?: number;
  accounts: Record<string, ProviderAccount>;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}): Promise<{
  issuer: string;
  env: Record<string, string>;
  nextLogin: (login: ProviderLogin) => void;
  stop: () => Promise<void>;
}> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_CLIENT.id,
        client_secret: TEST_CLIENT.secret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(16).toString('hex')] },
    // As Keycloak does (its acr and amr mappers), the ID token says how the person signed in.
    claims: {
      openid: ['sub', 'acr', 'amr', 'auth_time', 'sid'],
      email: ['email', 'email_verified'],
    },
    acrValues: ['urn:kieumau:pwd', 'urn:kieumau:mfa'],
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 3600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: KoaContextWithOIDC, interaction) => `/interaction/${interaction.uid}`,
    },
    async findAccount(_ctx: KoaContextWithOIDC, subject: string) {
      const account = options.accounts[subject];
      if (!account) return undefined;
      return {
        accountId: subject,
        claims: async () => ({
          sub: subject,
          ...(account.email
            ? { email: account.email, email_verified: account.emailVerified ?? false }
            : {}),
        }),
      };
    },
  });
  let next: ProviderLogin | null = null;
  const handle = provider.callback();
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return void handle(req, res);
    void (async () => {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        if (!next) {
          res.writeHead(400).end('no login set for the test provider');
          return;
        }
        const { subject, amr, acr } = next;
        next = null;
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: subject, amr, acr } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = new provider.Grant({
        accountId: details.session?.accountId,
        clientId: String(details.params.client_id),
      });
      const missing = details.prompt.details as {
        missingOIDCScope?: string[];
        missingOIDCClaims?: string[];
      };
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      await provider.interactionFinished(
        req,
        res,
        { consent: { grantId: await grant.save() } },
        { mergeWithLastSubmission: true },
      );
    })().catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  return {
    issuer,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: TEST_CLIENT.id,
      OIDC_CLIENT_SECRET: TEST_CLIENT.secret,
    },
    nextLogin(login) {
      next = login;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Follows a browser's redirects from `url` through the provider, with the provider's cookies,
 * until it is sent to an address outside it (the app's callback); answers that address.
 */
export async function followProvider(url: string, issuer: string): Promise<URL> {
  const jar = new Map<string, string>();
  let at = new URL(url);
  for (let hop = 0; hop < 20; hop += 1) {
    if (at.origin !== issuer) return at;
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(at, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = response.headers.get('location');
    if (!location)
      throw new Error(`provider answered ${response.status}: ${await response.text()}`);
    at = new URL(location, at);
  }
  throw new Error('too many redirects at the provider');
}
