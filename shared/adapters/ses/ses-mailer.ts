import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Config } from '../../config/load-config';
import type { Mailer, OutgoingEmail } from '../../domain/ports';

export function createSesClient(config: Pick<Config, 'region' | 'endpoints'>): SESv2Client {
  return new SESv2Client({ region: config.region, endpoint: config.endpoints.ses });
}

/** Sends plain-text email from the school's verified sender address. */
export class SesMailer implements Mailer {
  constructor(
    private readonly client: SESv2Client,
    private readonly sender: string,
  ) {}

  async send(email: OutgoingEmail): Promise<{ messageId: string }> {
    const result = await this.client.send(
      new SendEmailCommand({
        FromEmailAddress: this.sender,
        Destination: { ToAddresses: [...email.to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' } },
          },
        },
      }),
    );
    return { messageId: result.MessageId ?? '' };
  }
}
