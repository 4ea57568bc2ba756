// An application signs users in through Keyward with a certified relying-party library
// (openid-client) while Debian's Chromium plays the user on Keyward's hosted pages.
// The application is this script: it registers itself with an administrator's token and serves its
// redirect URI on a port of its own.
// Usage: node oidc_flow.mjs ISSUER with KEYWARD_OIDC (JSON: admin_token, password, users {plain, mfa},
// totp_secret). Exit 0 when every check holds.
import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import * as client from "openid-client";
import { launchChromium, watchConsole } from "./chromium.mjs";

const issuer = process.argv[2];
const setup = JSON.parse(process.env.KEYWARD_OIDC || "{}");
if (!issuer || !setup.admin_token) {
  console.error("usage: KEYWARD_OIDC='{...}' node oidc_flow.mjs ISSUER");
  process.exit(2);
}

// RFC 6238 with SHA-1, six digits, 30-second steps: what an authenticator app shows.
function totp(base32, at = Date.now()) {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const c of base32.replace(/=+$/, "").toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const expectRejection = async (promise, what) => {
  try { await promise; failures.push(`${what} was accepted`); } catch { /* refused, as it must be */ }
};

// The application's own web server: where the browser comes back to.
let arrived = () => {};
const application = createServer((request, response) => {
  const url = new URL(request.url, `http://${request.headers.host}`);
  if (url.pathname !== "/callback" && url.pathname !== "/bye") // the browser's own asks (a favicon)
    return response.writeHead(404).end();
  arrived(url);
  response.writeHead(200, { "content-type": "text/plain" }).end("back at the application");
});
await new Promise((resolve) => application.listen(0, "127.0.0.1", resolve));
const appOrigin = `http://127.0.0.1:${application.address().port}`;
setup.redirect_uri = `${appOrigin}/callback`;
setup.post_logout_redirect_uri = `${appOrigin}/bye`;
const registered = await fetch(new URL("/api/v1/oauth2/clients", issuer), {
  method: "POST",
  headers: { authorization: `Bearer ${setup.admin_token}`, "content-type": "application/json" },
  body: JSON.stringify({
    name: "Intranet", type: "confidential", first_party: true, redirect_uris: [setup.redirect_uri],
    post_logout_redirect_uris: [setup.post_logout_redirect_uri], scopes: ["openid", "profile", "email"],
  }),
});
if (registered.status !== 201) {
  console.error(`FAIL: registering the application answered ${registered.status}: ${await registered.text()}`);
  process.exit(1);
}
const { id: clientId, client_secret: clientSecret } = await registered.json();
setup.client_id = clientId;
// Where the browser arrives next at the application.
const nextArrival = () => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the browser did not come back to the application")), 15000);
  arrived = (url) => { clearTimeout(timer); resolve(url); };
});

// A confidential client, as a web application's backend is (a public one at a loopback address
// would have its users asked to consent each time: any program on the machine could claim it).
const config = await client.discovery(new URL(issuer), setup.client_id, undefined, client.ClientSecretBasic(clientSecret), {
  execute: [client.allowInsecureRequests],
});
check(config.serverMetadata().issuer === issuer, `discovery named issuer ${config.serverMetadata().issuer}`);

const browser = await launchChromium();

// Starts an authorization in `page` and answers with where the browser was sent back to, once the
// user has done `act` on the hosted pages.
async function authorize(page, act, params = {}) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: setup.redirect_uri, scope: "openid profile email", state, nonce,
    code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256", ...params,
  });
  const back = nextArrival();
  await page.goto(url.href);
  await act(page);
  const callback = await back;
  return { callback, verifier, state, nonce };
}

async function signIn(page, login) {
  const csp = (await page.context().request.get(page.url())).headers()["content-security-policy"] || "";
  check(csp.includes("default-src 'none'") && !csp.includes("unsafe-inline"), `the sign-in page's CSP: ${csp}`);
  // The fields are found by their labels, as a screen reader announces them.
  await page.getByLabel(/username or email/i).fill(login);
  await page.getByLabel(/^password$/i).fill(setup.password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  // The first sign-in with a password in this browser is offered a passkey: not now.
  await page.getByRole("button", { name: /^not now$/i }).click();
}

try {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const problems = [];
  watchConsole(page, problems);

  // 1. Authorization code + PKCE through the real sign-in page; the library validates the ID token.
  const first = await authorize(page, (p) => signIn(p, setup.users.plain));
  const tokens = await client.authorizationCodeGrant(config, first.callback, {
    pkceCodeVerifier: first.verifier, expectedState: first.state, expectedNonce: first.nonce,
  });
  const claims = tokens.claims();
  check(claims && claims.preferred_username === setup.users.plain, `ID token names ${claims && claims.preferred_username}`);
  check(typeof tokens.refresh_token === "string", "no refresh token");
  const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub);
  check(info.email === `${setup.users.plain}@example.com`, `userinfo email ${info.email}`);

  // 2. Refresh rotates; the old token is dead; revocation ends the session.
  const refreshed = await client.refreshTokenGrant(config, tokens.refresh_token);
  check(refreshed.refresh_token && refreshed.refresh_token !== tokens.refresh_token, "refresh did not rotate");
  await expectRejection(client.refreshTokenGrant(config, tokens.refresh_token), "a spent refresh token");
  await expectRejection(client.refreshTokenGrant(config, refreshed.refresh_token), "the refresh token after reuse");

  // 3. Signed in at the provider: the next authorization goes straight back.
  const second = await authorize(page, async () => {});
  const again = await client.authorizationCodeGrant(config, second.callback, {
    pkceCodeVerifier: second.verifier, expectedState: second.state, expectedNonce: second.nonce,
  });
  await client.tokenRevocation(config, again.refresh_token);
  await expectRejection(client.refreshTokenGrant(config, again.refresh_token), "a revoked refresh token");

  // 4. Wrong state, nonce or verifier, and the code used twice: refused by the library or the server.
  const third = await authorize(page, async () => {});
  await expectRejection(client.authorizationCodeGrant(config, third.callback, {
    pkceCodeVerifier: third.verifier, expectedState: "another state", expectedNonce: third.nonce,
  }), "a wrong state");
  await expectRejection(client.authorizationCodeGrant(config, third.callback, {
    pkceCodeVerifier: client.randomPKCECodeVerifier(), expectedState: third.state, expectedNonce: third.nonce,
  }), "a wrong code verifier");
  const fourth = await authorize(page, async () => {});
  await expectRejection(client.authorizationCodeGrant(config, fourth.callback, {
    pkceCodeVerifier: fourth.verifier, expectedState: fourth.state, expectedNonce: "another nonce",
  }), "a wrong nonce");
  await expectRejection(client.authorizationCodeGrant(config, fourth.callback, {
    pkceCodeVerifier: fourth.verifier, expectedState: fourth.state, expectedNonce: fourth.nonce,
  }), "a code used twice");

  // 5. A redirect URI the client has not registered: Keyward shows an error, never redirects there.
  const stray = client.buildAuthorizationUrl(config, {
    redirect_uri: "https://evil.example/cb", scope: "openid", state: "s",
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()), code_challenge_method: "S256",
  });
  const strayResponse = await page.goto(stray.href);
  check(strayResponse.status() === 400 && new URL(page.url()).origin === new URL(issuer).origin,
        `an unregistered redirect URI answered ${strayResponse.status()} at ${page.url()}`);

  // 6. RP-initiated logout with the ID token: back at the registered address, signed out.
  const bye = nextArrival();
  await page.goto(client.buildEndSessionUrl(config, {
    id_token_hint: again.id_token, post_logout_redirect_uri: setup.post_logout_redirect_uri, state: "bye-state",
  }).href);
  const byeUrl = await bye;
  check(byeUrl.pathname === "/bye" && byeUrl.searchParams.get("state") === "bye-state", `after logout at ${byeUrl}`);
  const afterLogout = client.buildAuthorizationUrl(config, {
    redirect_uri: setup.redirect_uri, scope: "openid", prompt: "none", state: "silent",
    code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()), code_challenge_method: "S256",
  });
  const silentArrival = nextArrival();
  await page.goto(afterLogout.href);
  const silent = await silentArrival;
  check(silent.searchParams.get("error") === "login_required", `prompt=none after logout: ${silent}`);

  // 7. With MFA, in German: the password, then the code from the authenticator.
  const german = await browser.newContext({ locale: "de-DE" });
  const mfaPage = await german.newPage();
  const mfa = await authorize(mfaPage, async (p) => {
    check((await p.locator("html").getAttribute("lang")) === "de", "the page is not in German");
    await p.getByLabel(/benutzername oder e-mail/i).fill(setup.users.mfa);
    await p.getByLabel(/^passwort$/i).fill(setup.password);
    await p.getByRole("button", { name: /^anmelden$/i }).click();
    // The next step's code: the current one was spent when the authenticator was confirmed.
    await p.getByLabel(/^code$/i).fill(totp(setup.totp_secret, Date.now() + 30000));
    await p.getByRole("button", { name: /bestätigen/i }).click();
    await p.getByRole("button", { name: /^nicht jetzt$/i }).click();
  });
  const mfaTokens = await client.authorizationCodeGrant(config, mfa.callback, {
    pkceCodeVerifier: mfa.verifier, expectedState: mfa.state, expectedNonce: mfa.nonce,
  });
  check((mfaTokens.claims().amr || []).includes("otp"), `amr ${mfaTokens.claims().amr}`);

  failures.push(...problems);
  console.log(`flows done; ${problems.length} console problems`);
} catch (error) {
  failures.push(String(error && error.stack ? error.stack : error));
  if (error && error.cause) failures.push(`cause: ${error.cause.message || ""} ${JSON.stringify(error.cause)}`);
} finally {
  await browser.close();
  application.close();
}
for (const f of failures) console.error("FAIL: " + f);
process.exit(failures.length === 0 ? 0 : 1);
