/**
 * Partner systems' OAuth scopes (issue 16), on the school user pool's resource server
 * `lantern`: an access token carries them as `lantern/<scope>`. The stack creates the
 * resource server and one app client per partner from the trust config; the local twin
 * issues tokens for its configured partners with the same scopes.
 */
export const PARTNER_RESOURCE_SERVER = 'lantern';

export const partnerScopes = {
  'la.summary.read': 'Read summary counts by category and month (small numbers suppressed)',
  'la.shared.read': 'Read the incidents a DSL has shared with this partner, redacted',
  'encompass.write': 'Send Operation Encompass notifications',
} as const;

export type PartnerScope = keyof typeof partnerScopes;
export const partnerScopeNames = Object.keys(partnerScopes) as PartnerScope[];

/** `lantern/<scope>` as tokens carry it. */
export const qualifiedScope = (scope: PartnerScope) => `${PARTNER_RESOURCE_SERVER}/${scope}`;

export const partnerScopeDescriptions: Record<string, string> = Object.fromEntries(partnerScopeNames.map((scope) => [qualifiedScope(scope), partnerScopes[scope]]));

/**
 * Each partner client's limit on each partner route: requests per second and burst. API
 * Gateway throttles the route (stage route settings); the local gateway keeps a bucket per
 * client and route and answers 429 as API Gateway does.
 */
export const partnerThrottle = { rateLimit: 5, burstLimit: 10 } as const;
