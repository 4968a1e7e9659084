import { describe, expect, it } from 'vitest';
import { acceptedExtensions, checkFile, megabytes } from '../../web/src/files/file-check';

describe('checking a file before it is uploaded', () => {
  it.each([
    ['Letter from parent.pdf', 'application/pdf'],
    ['IMG_2041.HEIC', 'image/heic'],
    ['Meeting minutes.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['Saved email.msg', 'application/vnd.ms-outlook'],
    ['Saved email.eml', 'message/rfc822'],
    ['photo.jpeg', 'image/jpeg'],
  ])('takes %s as %s, from its extension', (name, contentType) => {
    // Act
    const check = checkFile({ name, size: 48_213 });

    // Assess
    expect(check).toEqual({ ok: true, contentType });
  });

  it('refuses a kind of file Lantern does not keep, naming the kinds it does', () => {
    // Act
    const check = checkFile({ name: 'Playground.mp4', size: 1_000 });

    // Assess
    expect(check).toEqual({ ok: false, message: expect.stringContaining('Playground.mp4 is not a kind of file Lantern keeps') });
    expect(check.ok ? '' : check.message).toContain('PDF');
  });

  it('refuses a file over 25 MB, saying how large it is, and takes one of exactly 25 MB', () => {
    // Act
    const tooLarge = checkFile({ name: 'Scan.pdf', size: 25 * 1024 * 1024 + 1 });
    const largest = checkFile({ name: 'Scan.pdf', size: 25 * 1024 * 1024 });

    // Assess
    expect(tooLarge).toEqual({ ok: false, message: 'Scan.pdf is 25.0 MB; a file can be at most 25 MB.' });
    expect(largest.ok).toBe(true);
  });

  it('refuses an empty file', () => {
    // Act
    const check = checkFile({ name: 'Notes.txt', size: 0 });

    // Assess
    expect(check).toEqual({ ok: false, message: 'Notes.txt is empty.' });
  });

  it('offers the picker every extension the API accepts, and shows sizes in KB or MB', () => {
    // Assess
    expect(acceptedExtensions.split(',')).toEqual(expect.arrayContaining(['.pdf', '.png', '.jpg', '.jpeg', '.heic', '.docx', '.xlsx', '.txt', '.eml', '.msg']));
    expect(megabytes(48_213)).toBe('47 KB');
    expect(megabytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
