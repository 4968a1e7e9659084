import { describe, expect, it } from 'vitest';
import { alertEmail, incidentLink, reminderEmail } from '../../../shared/domain/notifications/alert-email';

describe('alertEmail', () => {
  it('names the author and the categories, with a link, and nothing else', () => {
    // Prepare
    const link = incidentLink('https://lantern.castlemead.example.sch.uk', '01JHT0000000000000000000I1');

    // Act
    const email = alertEmail({
      to: 'd.okafor@castlemead.example.sch.uk',
      kind: 'incident',
      authorName: 'Rukhsana Ahmed',
      categoryNames: ['Behaviour', 'Safeguarding'],
      link,
      schoolName: 'Castle Mead Primary School',
    });

    // Assess
    expect(email.to).toEqual(['d.okafor@castlemead.example.sch.uk']);
    expect(email.subject).toBe('Lantern alert from Rukhsana Ahmed');
    expect(email.text).toContain('Rukhsana Ahmed has alerted you to an incident');
    expect(email.text).toContain('Categories: Behaviour, Safeguarding');
    expect(email.text).toContain('https://lantern.castlemead.example.sch.uk/incidents/01JHT0000000000000000000I1');
  });

  it('says when the alert is about an action', () => {
    // Prepare
    const options = { to: 'x@castlemead.example.sch.uk', kind: 'action' as const, authorName: 'Tom Hughes', categoryNames: ['Health'], link: 'https://l/incidents/1', schoolName: 'Castle Mead' };

    // Act
    const email = alertEmail(options);

    // Assess
    expect(email.text).toContain('Tom Hughes has alerted you to an action on an incident');
  });
});

describe('reminderEmail', () => {
  it('says only that a reminder is due, with the link', () => {
    // Prepare
    const options = { to: 'r.ahmed@castlemead.example.sch.uk', link: 'https://lantern.castlemead.example.sch.uk/incidents/I1', schoolName: 'Castle Mead Primary School' };

    // Act
    const email = reminderEmail(options);

    // Assess
    expect(email.to).toEqual(['r.ahmed@castlemead.example.sch.uk']);
    expect(email.subject).toBe('Lantern reminder');
    expect(email.text).toContain('A reminder you set in Lantern at Castle Mead Primary School is due');
    expect(email.text).toContain('https://lantern.castlemead.example.sch.uk/incidents/I1');
  });

  it('has no place for text staff typed: a note handed to it is not sent', () => {
    // Prepare
    const options = { to: 'r.ahmed@castlemead.example.sch.uk', note: 'Check Ava Rowe-Kimani is eating', link: 'https://l/incidents/I1', schoolName: 'Castle Mead' };

    // Act
    const email = reminderEmail(options);

    // Assess
    expect(JSON.stringify(email)).not.toContain('Ava');
    expect(email.text).not.toContain('eating');
  });
});

describe('incidentLink', () => {
  it('escapes the incident id into the path', () => {
    // Prepare
    const id = 'a/b c';

    // Act
    const link = incidentLink('https://lantern.example', id);

    // Assess
    expect(link).toBe('https://lantern.example/incidents/a%2Fb%20c');
  });
});
