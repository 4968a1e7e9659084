/**
 * Reads a PDF back with pdf.js (pdfjs-dist, a dev dependency): its page count, each page's
 * text, its structure tree's roles and its metadata, so the tests check what a reader opens.
 */
interface WithResolvers {
  withResolvers?: () => unknown;
}

// pdf.js 6 uses Promise.withResolvers (Node 22); Node 20 lacks it.
const promise = Promise as unknown as WithResolvers;
promise.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const created = new Promise((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise: created, resolve, reject };
};

export interface ReadPdf {
  readonly pages: number;
  readonly pageTexts: readonly string[];
  /** Every page's text, whitespace collapsed. */
  readonly text: string;
  readonly roles: readonly string[];
  readonly info: Record<string, unknown>;
}

interface StructNode {
  readonly role?: string;
  readonly children?: readonly StructNode[];
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const loading = getDocument({ data: new Uint8Array(bytes), verbosity: 0 });
  const pdf = await loading.promise;
  const pageTexts: string[] = [];
  const roles = new Set<string>();
  const walk = (node: StructNode | null | undefined) => {
    if (!node) return;
    if (node.role) roles.add(node.role);
    for (const child of node.children ?? []) walk(child);
  };
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    const content = await page.getTextContent();
    pageTexts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' ').replace(/\s+/g, ' '));
    walk((await page.getStructTree()) as StructNode);
  }
  const { info } = await pdf.getMetadata();
  await loading.destroy();
  return { pages: pdf.numPages, pageTexts, text: pageTexts.join(' '), roles: [...roles], info: info as Record<string, unknown> };
}
