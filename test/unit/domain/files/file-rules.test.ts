import { describe, expect, it } from 'vitest';
import { FILE_NAME_MAX_CHARS, sanitiseFileName } from '../../../../shared/domain/files/file-name';
import { MAX_FILE_BYTES, fileTypeOf } from '../../../../shared/domain/files/file-types';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sanitiseFileName', () => {
  it.each([
    ['C:\\Users\\rahmed\\Documents\\Letter from parent.pdf', 'Letter from parent.pdf'],
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['minutes\u0000\u0007 of meeting.docx', 'minutes of meeting.docx'],
    ['photo\u202egpj.exe.jpg', 'photogpj.exe.jpg'],
    ['  spaced   out  .pdf  ', 'spaced out .pdf'],
    ['what? <now>.txt', 'what_ _now_.txt'],
    ['.hidden.png', 'hidden.png'],
  ])('cleans %j to %j', (name, expected) => {
    // Act
    const cleaned = sanitiseFileName(name);
    // Assess
    expect(cleaned).toBe(expected);
  });

  it('cuts a long name to the limit and keeps its extension', () => {
    // Prepare
    const name = `${'Statement of events '.repeat(20)}.pdf`;
    // Act
    const cleaned = sanitiseFileName(name)!;
    // Assess
    expect([...cleaned].length).toBeLessThanOrEqual(FILE_NAME_MAX_CHARS);
    expect(cleaned.endsWith('.pdf')).toBe(true);
  });

  it('answers undefined when nothing is left', () => {
    // Act and assess
    expect(sanitiseFileName('/folder/\u0000\u0001/')).toBeUndefined();
  });
});

describe('the allowed types and their first bytes', () => {
  it.each([
    ['application/pdf', text('%PDF-1.7\n')],
    ['image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0)],
    ['image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['image/heic', new Uint8Array([0, 0, 0, 0x18, ...text('ftypheic')])],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['text/plain', text('Notes from the meeting with mum, 23 November.\n')],
    ['message/rfc822', text('From: parent@example.com\r\nSubject: Ava\r\n\r\nHello')],
    ['application/vnd.ms-outlook', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
  ])('accepts %s whose bytes fit', (contentType, start) => {
    // Act and assess
    expect(fileTypeOf(contentType)?.matches(start)).toBe(true);
  });

  it('refuses a program renamed to a PDF, and a binary called text', () => {
    // Prepare: "MZ", the start of a Windows program
    const program = bytes(0x4d, 0x5a, 0x90, 0x00, 0x03);
    // Act and assess
    expect(fileTypeOf('application/pdf')?.matches(program)).toBe(false);
    expect(fileTypeOf('text/plain')?.matches(program)).toBe(false);
  });

  it('knows no type off the list, and reads a type with parameters', () => {
    // Act and assess
    expect(fileTypeOf('application/x-msdownload')).toBeUndefined();
    expect(fileTypeOf('text/plain; charset=utf-8')?.contentType).toBe('text/plain');
  });

  it('allows 25 MB', () => {
    // Assess
    expect(MAX_FILE_BYTES).toBe(26_214_400);
  });
});
