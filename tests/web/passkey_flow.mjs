// Passkeys in a real browser: Debian's Chromium with its virtual authenticator (CDP WebAuthn: ctap2,
// resident keys, user verification) adds a passkey when Keyward's hosted pages offer one after the
// password, and signs in with it there, alone and as the second step after the password. Every ceremony Keyward
// accepts or refuses is checked again with @simplewebauthn/server, an independent relying-party
// library, which must agree.
// Usage: node passkey_flow.mjs ISSUER with KEYWARD_PASSKEYS (JSON: admin_token, username, password).
// ISSUER must be http://localhost:PORT (WebAuthn wants a domain: the relying party is "localhost").
// Exit 0 when every check holds.
import { createServer } from "node:http";
import * as client from "openid-client";
import { launchChromium, watchConsole } from "./chromium.mjs";
import { verifyAuthenticationResponse, verifyRegistrationResponse } from "@simplewebauthn/server";

const issuer = process.argv[2];
const setup = JSON.parse(process.env.KEYWARD_PASSKEYS || "{}");
if (!issuer || !setup.admin_token) {
  console.error("usage: KEYWARD_PASSKEYS='{...}' node passkey_flow.mjs ISSUER");
  process.exit(2);
}
const origin = new URL(issuer).origin;
const rpID = new URL(issuer).hostname;

const failures = [];
const check = (ok, what) => { if (!ok) failures.push(what); };
const api = async (method, path, body, token) => {
  const response = await fetch(new URL(path, issuer), {
    method,
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
};
// What @simplewebauthn/server says of a ceremony: verified, or why not.
const independently = async (verify) => {
  try { return (await verify()).verified ? "verified" : "not verified"; } catch (e) { return `refused: ${e.message}`; }
};

// The application: a confidential client whose redirect URI this script serves.
let arrived = () => {};
const application = createServer((request, response) => {
  const url = new URL(request.url, `http://${request.headers.host}`);
  if (url.pathname !== "/callback") return response.writeHead(404).end();
  arrived(url);
  response.writeHead(200, { "content-type": "text/plain" }).end("back at the application");
});
await new Promise((resolve) => application.listen(0, "127.0.0.1", resolve));
const redirectUri = `http://127.0.0.1:${application.address().port}/callback`;
const registered = await api("POST", "/api/v1/oauth2/clients", {
  name: "Intranet", type: "confidential", first_party: true, redirect_uris: [redirectUri], scopes: ["openid", "profile"],
}, setup.admin_token);
if (registered.status !== 201) {
  console.error(`FAIL: registering the application answered ${registered.status}`);
  process.exit(1);
}
const config = await client.discovery(new URL(issuer), registered.json.id, undefined,
  client.ClientSecretBasic(registered.json.client_secret), { execute: [client.allowInsecureRequests] });
const nextArrival = () => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error("the browser did not come back to the application")), 15000);
  arrived = (url) => { clearTimeout(timer); resolve(url); };
});
// The signature counter an assertion reports (authenticator data: rpIdHash, flags, counter).
const counterOf = (credential) => Buffer.from(credential.response.authenticatorData, "base64url").readUInt32BE(33);
// A page of Keyward's own that may call its API (connect-src 'self'): the sign-in page.
const authorizationUrl = async (state) => client.buildAuthorizationUrl(config, {
  redirect_uri: redirectUri, scope: "openid profile", state, prompt: "login",
  code_challenge: await client.calculatePKCECodeChallenge(client.randomPKCECodeVerifier()), code_challenge_method: "S256",
}).href;
// An authorization through the hosted pages; `act` is what the user does there. The ID token's claims.
async function authorize(page, act) {
  const verifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri, scope: "openid profile", state, prompt: "login",
    code_challenge: await client.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256",
  });
  const back = nextArrival();
  await page.goto(url.href);
  await act(page);
  const callback = await back;
  // The browser has shown the application's page before the next navigation starts.
  await page.waitForURL((u) => u.href.startsWith(redirectUri));
  const tokens = await client.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
  return tokens.claims();
}

const browser = await launchChromium();

try {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  const problems = [];
  watchConsole(page, problems);
  // A platform authenticator that holds discoverable credentials and verifies its user (a PIN or
  // biometric), answering by itself as a user touching it would.
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true,
               isUserVerified: true, automaticPresenceSimulation: true },
  });

  // Every passkey answer the pages post, and the options the sign-in page fetched, to check them again.
  const seen = { options: null, credential: null };
  // (Read on the way through: the page leaves before a response's body could be asked for later.)
  await page.route("**/api/v1/auth/webauthn/options", async (route) => {
    const response = await route.fetch();
    seen.options = await response.json();
    await route.fulfill({ response });
  });
  page.on("request", (r) => {
    if (r.method() === "POST" && r.url().includes("/oauth2/authorize")) {
      const posted = new URLSearchParams(r.postData() || "");
      if (posted.get("credential")) seen.credential = JSON.parse(posted.get("credential"));
    }
  });

  // 1. Registration on the hosted pages: after the password, the offer of a passkey, taken.
  let creation = null;
  const first = await authorize(page, async (p) => {
    await p.getByLabel(/username or email/i).fill(setup.username);
    await p.getByLabel(/^password$/i).fill(setup.password);
    await p.getByRole("button", { name: /^sign in$/i }).click();
    creation = JSON.parse(await p.locator("#passkey").getAttribute("data-create"));
    await p.getByRole("button", { name: /add a passkey/i }).click();
  });
  check((first.amr || []).includes("pwd"), `amr of the password sign-in ${first.amr}`);
  const made = { options: creation, credential: { clientExtensionResults: {}, ...seen.credential } };
  check(creation && creation.authenticatorSelection.residentKey === "required", "no creation options on the offer");
  const registration = await verifyRegistrationResponse({
    response: made.credential, expectedChallenge: made.options.challenge, expectedOrigin: origin, expectedRPID: rpID,
    requireUserVerification: true,
  });
  check(registration.verified, "@simplewebauthn/server did not verify the registration");
  const login = await api("POST", "/api/v1/auth/login", { login: setup.username, password: setup.password });
  check(login.status === 200, `login answered ${login.status}`);
  const session = login.json.access_token;
  const stored = await api("GET", "/api/v1/me/webauthn/credentials", undefined, session);
  check(stored.json.total === 1, `Keyward kept ${stored.json.total} passkeys`);
  const passkey = { id: registration.registrationInfo.credential.id, publicKey: registration.registrationInfo.credential.publicKey, counter: 0 };

  const agree = async (options, credential, expectedOrigin = origin) => independently(() => verifyAuthenticationResponse({
    response: credential, expectedChallenge: options.challenge, expectedOrigin, expectedRPID: rpID,
    credential: passkey, requireUserVerification: true,
  }));

  // 2. Signing in with the passkey alone on the hosted page: no username, no password.
  const alone = await authorize(page, async (p) => {
    const csp = (await p.context().request.get(p.url())).headers()["content-security-policy"] || "";
    check(/script-src 'sha256-[^']+'/.test(csp) && !csp.includes("unsafe-inline"), `the sign-in page's CSP: ${csp}`);
    await p.getByRole("button", { name: /sign in with a passkey/i }).click();
  });
  check(alone.preferred_username === setup.username, `the passkey signed in ${alone.preferred_username}`);
  check((alone.amr || []).includes("hwk") && !(alone.amr || []).includes("pwd"), `amr ${alone.amr}`);
  const signIn = { options: seen.options, credential: seen.credential };
  check(signIn.options && signIn.credential, "the page's ceremony was not seen");
  const verdict = await agree(signIn.options, signIn.credential);
  check(verdict === "verified", `@simplewebauthn/server on the sign-in Keyward accepted: ${verdict}`);
  passkey.counter = signIn.credential ? counterOf(signIn.credential) : 0;

  // 3. The same answer again (a replayed challenge): Keyward refuses.
  const replay = await api("POST", "/api/v1/auth/webauthn/verify", { credential: signIn.credential });
  check(replay.status === 422, `a replayed assertion answered ${replay.status}`);

  // A ceremony run on the page through the REST API, whose answer the script then changes.
  const ceremony = async () => page.evaluate(async () => {
    const b64 = (s) => Uint8Array.from(atob(s.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
    const text = (b) => btoa(String.fromCharCode(...new Uint8Array(b))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    const options = await (await fetch("/api/v1/auth/webauthn/options", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" })).json();
    const c = await navigator.credentials.get({ publicKey: { ...options, challenge: b64(options.challenge) } });
    const r = c.response;
    return { options, credential: { id: c.id, rawId: text(c.rawId), type: c.type, clientExtensionResults: {}, response: {
      clientDataJSON: text(r.clientDataJSON), authenticatorData: text(r.authenticatorData), signature: text(r.signature),
      userHandle: text(r.userHandle) } } };
  });
  await page.goto(await authorizationUrl("ceremonies"));

  // 4. A tampered signature: both refuse.
  const tampered = await ceremony();
  const signature = Buffer.from(tampered.credential.response.signature, "base64url");
  signature[signature.length - 2] ^= 1;
  tampered.credential.response.signature = signature.toString("base64url");
  check((await agree(tampered.options, tampered.credential)) !== "verified", "@simplewebauthn/server verified a tampered signature");
  const tamperedAnswer = await api("POST", "/api/v1/auth/webauthn/verify", { credential: tampered.credential });
  check(tamperedAnswer.status === 401, `a tampered signature answered ${tamperedAnswer.status}`);

  // 5. Another origin: a Keyward that serves passkeys elsewhere refuses, as does the library told so.
  const elsewhere = await api("PATCH", "/api/v1/settings", { passkeys: { origins: ["https://elsewhere.example"] } }, setup.admin_token);
  check(elsewhere.status === 200, `setting passkeys.origins answered ${elsewhere.status}`);
  const moved = await ceremony();
  check((await agree(moved.options, moved.credential, "https://elsewhere.example")) !== "verified",
        "@simplewebauthn/server accepted a ceremony of another origin");
  const movedAnswer = await api("POST", "/api/v1/auth/webauthn/verify", { credential: moved.credential });
  check(movedAnswer.status === 422, `a ceremony on another origin answered ${movedAnswer.status}`);
  await api("PATCH", "/api/v1/settings", { passkeys: { origins: [] } }, setup.admin_token);

  // 6. A cloned authenticator: the same key with a counter behind the one Keyward saw. Both refuse.
  const fresh = await ceremony();
  check((await agree(fresh.options, fresh.credential)) === "verified", "@simplewebauthn/server refused a good assertion");
  check((await api("POST", "/api/v1/auth/webauthn/verify", { credential: fresh.credential })).status === 200, "a good assertion was refused");
  passkey.counter = counterOf(fresh.credential);
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  const clone = { ...credentials[0], signCount: 0 };
  await cdp.send("WebAuthn.removeCredential", { authenticatorId, credentialId: clone.credentialId });
  await cdp.send("WebAuthn.addCredential", { authenticatorId, credential: clone });
  const cloned = await ceremony();
  check((await agree(cloned.options, cloned.credential)) !== "verified", "@simplewebauthn/server accepted a counter going backwards");
  const clonedAnswer = await api("POST", "/api/v1/auth/webauthn/verify", { credential: cloned.credential });
  check(clonedAnswer.status === 401, `a counter going backwards answered ${clonedAnswer.status}`);
  const audited = await api("GET", "/api/v1/audit?action=passkey.clone_suspected", undefined, setup.admin_token);
  check(audited.json.items && audited.json.items.length === 1, `clone audit: ${JSON.stringify(audited.json.items)}`);
  // The real authenticator carries on past the clone's count.
  await cdp.send("WebAuthn.removeCredential", { authenticatorId, credentialId: clone.credentialId });
  await cdp.send("WebAuthn.addCredential", { authenticatorId, credential: { ...credentials[0], signCount: credentials[0].signCount + 10 } });

  // 7. The user makes the passkey the second step: the password, then the passkey, on the hosted pages.
  const chosen = await api("PUT", "/api/v1/me/webauthn/sign-in", { mode: "second_factor" }, session);
  check(chosen.status === 200, `choosing second_factor answered ${chosen.status}`);
  const twoSteps = await authorize(page, async (p) => {
    await p.getByLabel(/username or email/i).fill(setup.username);
    await p.getByLabel(/^password$/i).fill(setup.password);
    await p.getByRole("button", { name: /^sign in$/i }).click();
    await p.getByRole("button", { name: /use a passkey/i }).click();
  });
  check((twoSteps.amr || []).includes("pwd") && (twoSteps.amr || []).includes("hwk"), `amr after two steps ${twoSteps.amr}`);

  failures.push(...problems);
  console.log(`passkey flows done; ${problems.length} console problems`);
} catch (error) {
  failures.push(String(error && error.stack ? error.stack : error));
} finally {
  await browser.close();
  application.close();
}
for (const f of failures) console.error("FAIL: " + f);
process.exit(failures.length === 0 ? 0 : 1);
