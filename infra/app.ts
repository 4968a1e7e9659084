/**
 * The CDK app: one stack per school of the trust config.
 *   npx cdk synth
 *   npx cdk deploy --all -c trustConfig=trusts/my-trust.json
 */
import { App } from 'aws-cdk-lib';
import { addTrust } from './lantern-app';
import { loadTrustConfig, TrustConfigError, trustConfigPath } from './trust-config';

const app = new App();
try {
  addTrust(app, loadTrustConfig(trustConfigPath(app.node.tryGetContext('trustConfig'))));
} catch (error) {
  if (!(error instanceof TrustConfigError)) throw error;
  // A bad trust config is the operator's to fix: say what is wrong, without a stack trace.
  console.error(error.message);
  process.exit(1);
}
app.synth();
