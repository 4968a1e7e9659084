import type { RouteContract } from '../route-contract';
import { AuditPage, AuditQuery } from '../../schemas/audit';

/** audit.read */
export const auditReadContract = { query: AuditQuery, success: { status: 200, description: 'Audit events, oldest first', schema: AuditPage }, failures: [403] } as const satisfies RouteContract;
