import { eventConsumer } from '../../shared/events/event-consumer';
import { IncidentEventDetail } from '../../shared/schemas/events';
import { projectIncidentLists } from '../../shared/domain/casework/project-incident-lists';
import { dynamoPorts } from '../../shared/deps/dynamo-ports';

export const handler = eventConsumer('incident-lists', { detail: IncidentEventDetail, adapters: { dynamodb: dynamoPorts } }).handle((detail, deps) => projectIncidentLists(deps, detail));
