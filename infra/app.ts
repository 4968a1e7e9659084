/**
 * The CDK app: one stack per school of the trust config, each serving the built staff app.
 *   npm run build:web
 *   npx cdk synth
 *   npx cdk deploy --all -c trustConfig=trusts/my-trust.json
 */
import path from 'node:path';
import { App } from 'aws-cdk-lib';
import { addTrust } from './lantern-app';
import { repositoryRoot } from './school-stack';
import { loadTrustConfig, TrustConfigError, trustConfigPath } from './trust-config';
import { requireWebDist, WebDistError, webDistDirectory } from './web-dist';

const app = new App();
try {
  const trust = loadTrustConfig(trustConfigPath(app.node.tryGetContext('trustConfig')));
  addTrust(app, trust, { webDist: requireWebDist(path.join(repositoryRoot, webDistDirectory)) });
} catch (error) {
  if (!(error instanceof TrustConfigError) && !(error instanceof WebDistError)) throw error;
  // A bad trust config or a missing build is the operator's to fix: say what, without a stack trace.
  console.error(error.message);
  process.exit(1);
}
app.synth();
