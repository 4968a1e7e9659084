import { eventConsumer } from '../../shared/events/event-consumer';
import { IncidentEventDetail } from '../../shared/schemas/events';
import { projectIncidentLists } from '../../shared/domain/casework/project-incident-lists';
import { dynamoPorts, incidentStore, incidentCasework } from '../../shared/deps/dynamo-ports';

export const handler = eventConsumer('incident-lists', { detail: IncidentEventDetail, adapters: { dynamodb: dynamoPorts({ incidents: incidentStore, casework: incidentCasework }) } }).handle((detail, deps) => projectIncidentLists(deps, detail));
