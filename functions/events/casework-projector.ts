import { eventConsumer } from '../../shared/events/event-consumer';
import { IncidentEventDetail } from '../../shared/schemas/events';
import { projectIncident } from '../../shared/domain/reports/project-incident';
import { dynamoPorts, studentRecords, pupilFileStore, reportStore, incidentStore, referralStore } from '../../shared/deps/dynamo-ports';

export const handler = eventConsumer('casework-projector', { detail: IncidentEventDetail, adapters: { dynamodb: dynamoPorts({ students: studentRecords, pupilFiles: pupilFileStore, reports: reportStore, incidents: incidentStore, referrals: referralStore }) } }).handle((detail, deps) =>
  projectIncident(deps, detail.incidentId),
);
