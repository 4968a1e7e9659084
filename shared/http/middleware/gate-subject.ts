import type { RouteId } from '../../api/routes';
import type { AuditSubject } from '../../domain/audit/audit-context';
import type { RouteEvent } from './route-state';

/** A refusal before the route runs is audited against the record named in the path, or the route. */
export function gateSubject(routeId: RouteId, event: RouteEvent): AuditSubject {
  return { action: routeId, recordType: 'route', recordId: event.pathParameters?.id ?? routeId };
}
