import { apiRoute } from '../../../shared/http/api-route';
import { ok } from '../../../shared/http/responses';
import { signInConfiguration } from '../../../shared/domain/identity/sign-in-configuration';

export const handler = apiRoute('config.read').handle(async ({ config }) => ok(signInConfiguration(config)));
