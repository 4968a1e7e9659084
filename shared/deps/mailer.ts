import { SesMailer, createSesClient } from '../adapters/ses/ses-mailer';
import { declared, type AdapterFactory } from './adapter-factory';

/** SES, sending from the school's address. */
export const mailerPorts: AdapterFactory<'ses'> = {
  service: 'ses',
  build: (config) => ({
    mailer: new SesMailer(createSesClient({ region: declared(config.region, 'AWS_REGION'), endpoints: config.endpoints }), declared(config.senderEmail, 'SENDER_EMAIL')),
  }),
};
