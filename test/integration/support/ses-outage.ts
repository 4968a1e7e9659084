import type { SESv2Client } from '@aws-sdk/client-sesv2';

/**
 * SES out of reach, for the handlers' own SES client: while the outage lasts, each request
 * (the SDK's retries included) is sent to a local port nothing listens on, so the send fails
 * as it does when SES cannot be reached, with a real ECONNREFUSED. Nothing reaches the mail
 * stand-in meanwhile.
 */
export class SesOutage {
  private closedPort: number | undefined;
  /** SendEmail requests that met the outage. */
  refused = 0;

  begin(closedPort: number): void {
    this.closedPort = closedPort;
    this.refused = 0;
  }

  end(): void {
    this.closedPort = undefined;
  }

  attach(client: SESv2Client): SESv2Client {
    client.middlewareStack.add(
      (next) => async (args) => {
        if (this.closedPort !== undefined) {
          this.refused += 1;
          (args.request as { port?: number }).port = this.closedPort;
        }
        return next(args);
      },
      { step: 'finalizeRequest', name: 'lanternSesOutage', priority: 'low' },
    );
    return client;
  }
}

export const sesOutage = new SesOutage();
