import { eventConsumer } from '../../shared/events/event-consumer';
import { MalwareScanResultDetail } from '../../shared/schemas/events';
import { settleScan } from '../../shared/domain/files/settle-scan';
import { dynamoPorts, staffDirectory, notificationLedger, fileRecordStore } from '../../shared/deps/dynamo-ports';
import { filePorts } from '../../shared/deps/files';
import { mailerPorts } from '../../shared/deps/mailer';

export const handler = eventConsumer('file-scans', { detail: MalwareScanResultDetail, adapters: { dynamodb: dynamoPorts({ staff: staffDirectory, notifications: notificationLedger, fileRecords: fileRecordStore }), s3: filePorts, ses: mailerPorts } }).handle((detail, deps) =>
  settleScan(deps, { objectKey: detail.s3ObjectDetails.objectKey, verdict: detail.scanResultDetails.scanResultStatus }),
);
