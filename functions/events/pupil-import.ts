import { eventConsumer } from '../../shared/events/event-consumer';
import { PupilImportRequestedDetail } from '../../shared/schemas/events';
import { runImport } from '../../shared/domain/students/import/run-import';
import { dynamoPorts, auditTrail, pupilImportStore } from '../../shared/deps/dynamo-ports';
import { filePorts } from '../../shared/deps/files';

export const handler = eventConsumer('pupil-import', {
  detail: PupilImportRequestedDetail,
  adapters: { dynamodb: dynamoPorts({ audit: auditTrail, pupilImports: pupilImportStore }), s3: filePorts },
}).handle((detail, deps) => runImport(deps, detail.importId));
