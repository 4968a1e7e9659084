import { resolve } from 'node:path';
import { readLocalFacts } from './local-facts';
import { signIn } from './sign-in';

/**
 * `npm run --silent token -- <email>`: signs in as a demo user of the running local twin
 * (answering the authenticator challenge from local.json when they have one) and prints
 * an access token for `curl -H "authorization: Bearer $TOKEN"`.
 */
async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const email = process.argv[2];
  const facts = await readLocalFacts(resolve(process.env.LANTERN_DATA_DIR ?? '.lantern')).catch(() => {
    throw new Error('No local.json: start Lantern first with `npm start` (or set LANTERN_DATA_DIR).');
  });
  const user = facts.users.find((candidate) => candidate.email === email);
  if (!user) {
    throw new Error(`Usage: npm run --silent token -- <email>\nDemo users: ${facts.users.map((candidate) => candidate.email).join(', ')}`);
  }
  const tokens = await signIn(user.email, user.password, user.totpSecret, facts);
  console.log(tokens.accessToken);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
