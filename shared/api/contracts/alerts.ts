import type { RouteContract } from '../route-contract';
import { AlertList, AlertListQuery, AlertPath, AlertView } from '../../schemas/alerts';

/** alerts.list */
export const alertsListContract = { query: AlertListQuery, success: { status: 200, description: 'A page of alerts', schema: AlertList } } as const satisfies RouteContract;

/** alerts.markRead */
export const alertsMarkReadContract = { params: AlertPath, success: { status: 200, description: 'The alert, read', schema: AlertView }, failures: [404] } as const satisfies RouteContract;

/** alerts.acknowledge */
export const alertsAcknowledgeContract = { params: AlertPath, success: { status: 200, description: 'The alert, acknowledged', schema: AlertView }, failures: [404] } as const satisfies RouteContract;
