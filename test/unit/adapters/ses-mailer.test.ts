import 'aws-sdk-client-mock-vitest/extend';
import { afterEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { SesMailer, createSesClient } from '../../../shared/adapters/ses/ses-mailer';

const ses = mockClient(SESv2Client);

afterEach(() => ses.reset());

describe('SesMailer', () => {
  it('sends plain text from the school’s sender to every recipient', async () => {
    // Prepare
    ses.on(SendEmailCommand).resolves({ MessageId: '0102018f-a1b2-c3d4' });
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-2' }), 'lantern@castlemead.example.sch.uk');

    // Act
    const result = await mailer.send({
      to: ['d.okafor@castlemead.example.sch.uk', 'r.ahmed@castlemead.example.sch.uk'],
      subject: 'New alert from Rukhsana Ahmed',
      text: 'Rukhsana Ahmed alerted you to an incident (Behaviour). Sign in to Lantern to read it.',
    });

    // Assess
    expect(result).toEqual({ messageId: '0102018f-a1b2-c3d4' });
    expect(ses).toHaveReceivedCommandExactlyOnceWith(SendEmailCommand, {
      FromEmailAddress: 'lantern@castlemead.example.sch.uk',
      Destination: { ToAddresses: ['d.okafor@castlemead.example.sch.uk', 'r.ahmed@castlemead.example.sch.uk'] },
      Content: {
        Simple: {
          Subject: { Data: 'New alert from Rukhsana Ahmed', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Rukhsana Ahmed alerted you to an incident (Behaviour). Sign in to Lantern to read it.', Charset: 'UTF-8' } },
        },
      },
    });
  });

  it('lets a send failure reach the caller', async () => {
    // Prepare
    ses.on(SendEmailCommand).rejects(new Error('MessageRejected: Email address is not verified.'));
    const mailer = new SesMailer(new SESv2Client({ region: 'eu-west-2' }), 'lantern@castlemead.example.sch.uk');

    // Act
    const attempt = mailer.send({ to: ['d.okafor@castlemead.example.sch.uk'], subject: 'Alert', text: 'Sign in to read it.' });

    // Assess
    await expect(attempt).rejects.toThrow('MessageRejected');
  });
});

describe('createSesClient', () => {
  it('points at an endpoint override when one is configured', async () => {
    // Prepare
    const config = { region: 'eu-west-2', endpoints: { ses: 'http://127.0.0.1:8005' } };

    // Act
    const client = createSesClient(config);

    // Assess
    const endpoint = await client.config.endpoint?.();
    expect(endpoint?.hostname).toBe('127.0.0.1');
    expect(endpoint?.port).toBe(8005);
    expect(await client.config.region()).toBe('eu-west-2');
  });
});
