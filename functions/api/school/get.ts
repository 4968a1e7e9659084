import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { describeSchool } from '../../../shared/domain/directory/describe-school';

export const handler = apiRoute('school.read').handle(async ({ deps }) => ok(await describeSchool(deps)));
