/**
 * The staff app's security headers, in one place and free of CDK: the CloudFront
 * response-headers policy (infra/constructs/staff-web.ts) sets them in AWS, and the local
 * twin's static site (local/gateway/static-site.ts) sends the same on every response.
 */

/** Two years: longer than the one year the HSTS preload list asks for. */
export const HSTS_MAX_AGE_DAYS = 730;

/**
 * The Content-Security-Policy. Scripts and styles only from the app's own origin (no inline
 * script, no eval); the browser may talk only to the app and to `connectSources` (the API
 * and Cognito's sign-in endpoint); nothing may frame the app.
 */
export function staffAppContentSecurityPolicy(connectSources: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    `connect-src ${["'self'", ...connectSources].join(' ')}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

/** What the CloudFront policy sends, as response headers: the CSP, HSTS fit for preload, no framing, no sniffing, no referrer. */
export function staffAppSecurityHeaders(connectSources: readonly string[]): Record<string, string> {
  return {
    'content-security-policy': staffAppContentSecurityPolicy(connectSources),
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_DAYS * 86_400}; includeSubDomains; preload`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
  };
}
