// A real OpenID Connect provider for the tests: panva's certified `oidc-provider`, standing in
// for a council's Entra ID. The integration tests and the end-to-end suite sign staff in through
// it; nothing in the portal knows it is a test provider.
//
// Usage: node scripts/oidc-provider.mjs <port>
//
// - One client, `carer-portal`, with a secret, the authorisation code flow and PKCE (S256, as
//   the provider requires). It is registered as a loopback client (RFC 8252 §7.3) so a portal on
//   any port of 127.0.0.1 is accepted: the tests start portals on ports they are given. A
//   council registers the portal's exact callback address instead.
// - Sign-in is the provider's own login form (any password): the login typed is the account.
//   Its claims: `sub` derived from the login, `email` the login itself, and `email_verified`
//   true unless the login starts with `unverified.`, so the tests can offer an address the
//   provider has not checked. A login starting with `other.` gets another `sub` for the same
//   email (someone else given a leaver's address).
// - Consent is given once for the portal's scopes (a council's own app needs none).
import Provider, { interactionPolicy } from 'oidc-provider';
import { generateKeyPair, exportJWK } from 'jose';
import { createHash } from 'node:crypto';

const port = Number(process.argv[2] ?? process.env.OIDC_PORT ?? 3200);
const issuer = `http://127.0.0.1:${port}`;

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingKey = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };

function subjectFor(login) {
  return createHash('sha256').update(login).digest('hex').slice(0, 24);
}

// A council's own application is not asked to consent; the provider would ask a loopback
// (native) client every time, so that one check is taken out for the tests' client.
const policy = interactionPolicy.base();
policy.get('consent').checks.remove('native_client_prompt');

const provider = new Provider(issuer, {
  interactions: { policy },
  clients: [
    {
      client_id: 'carer-portal',
      client_secret: process.env.OIDC_CLIENT_SECRET ?? 'a-test-secret-the-portal-is-given',
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/auth/council/callback'],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: ['a-cookie-key-for-the-test-provider'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, login) {
    const email = login.replace(/^(unverified|other)\./, '');
    const subject = login.startsWith('other.') ? subjectFor(login) : subjectFor(email);
    return {
      accountId: login,
      async claims() {
        return { sub: subject, email, email_verified: !login.startsWith('unverified.') };
      },
    };
  },
  async loadExistingGrant(ctx) {
    const clientId = ctx.oidc.client.clientId;
    const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email');
    await grant.save();
    ctx.oidc.session.grantIdFor(clientId, grant.jti);
    return grant;
  },
});

provider.listen(port, '127.0.0.1', () => {
  console.log(`oidc-provider listening on ${issuer}`);
});
