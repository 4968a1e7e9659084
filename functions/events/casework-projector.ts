import { eventConsumer } from '../../shared/events/event-consumer';
import { IncidentEventDetail } from '../../shared/schemas/events';
import { projectIncident } from '../../shared/domain/reports/project-incident';
import { dynamoPorts } from '../../shared/deps/dynamo-ports';

export const handler = eventConsumer('casework-projector', { detail: IncidentEventDetail, adapters: { dynamodb: dynamoPorts } }).handle((detail, deps) =>
  projectIncident(deps, detail.incidentId),
);
