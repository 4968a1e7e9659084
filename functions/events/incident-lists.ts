import { eventConsumer } from '../../shared/events/event-consumer';
import { IncidentChangedDetail } from '../../shared/schemas/events';
import { projectIncidentLists } from '../../shared/domain/casework/project-incident-lists';
import { dynamoPorts } from '../../shared/deps/dynamo-ports';

export const handler = eventConsumer('incident-lists', { detail: IncidentChangedDetail, adapters: { dynamodb: dynamoPorts } }).handle((detail, deps) => projectIncidentLists(deps, detail));
