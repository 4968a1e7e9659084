import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { qualifiedScope, type PartnerScope } from '../../shared/domain/identity/partner-scopes';

/**
 * The local twin's partner app clients (issue 16), as the stack makes one per partner in the
 * trust config: made once per data folder with random ids and secrets, readable only by its
 * owner. Like the signing key, whoever reads the data folder can act as these partners.
 */
export interface LocalPartnerClient {
  readonly id: string;
  readonly name: string;
  readonly clientId: string;
  readonly clientSecret: string;
  /** As tokens carry them: `lantern/<scope>`. */
  readonly scopes: readonly string[];
}

/** The demo partners: the police force's Operation Encompass system and the local authority's. */
const demoPartners: readonly { id: string; name: string; scopes: readonly PartnerScope[] }[] = [
  { id: 'northshire-police', name: 'Northshire Police (Operation Encompass)', scopes: ['encompass.write'] },
  { id: 'northshire-council', name: 'Northshire County Council education safeguarding', scopes: ['la.summary.read', 'la.shared.read'] },
];

export const partnerClientsFile = (cognitoDirectory: string) => join(cognitoDirectory, 'partner-clients.json');

export function loadOrCreatePartnerClients(cognitoDirectory: string): LocalPartnerClient[] {
  const file = partnerClientsFile(cognitoDirectory);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as LocalPartnerClient[];
  const clients = demoPartners.map((partner) => ({
    id: partner.id,
    name: partner.name,
    // Cognito's client ids are 26 lower-case letters and digits; its secrets about 50 characters.
    clientId: randomBytes(16).toString('hex').slice(0, 26),
    clientSecret: randomBytes(36).toString('base64url'),
    scopes: partner.scopes.map(qualifiedScope),
  }));
  writeFileSync(file, JSON.stringify(clients, null, 2), { mode: 0o600 });
  return clients;
}
