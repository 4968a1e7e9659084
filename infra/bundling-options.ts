/**
 * How esbuild bundles every Lantern handler: NodejsFunction in
 * infra/constructs/lantern-function.ts, and bench/bundle-functions.ts, whose bundles the
 * bundle-budget test measures. Plain values, no CDK import, so the bench measures what the
 * stack deploys without loading aws-cdk-lib.
 */
export const handlerBundling = {
  target: 'node22',
  mainFields: ['module', 'main'],
  minify: true,
  /** ESM bundles still meet CommonJS dependencies that call `require`. */
  esmRequireShim: "import { createRequire } from 'module';const require = createRequire(import.meta.url);",
} as const;
