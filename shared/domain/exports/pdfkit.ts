/// <reference types="pdfkit" />
// pdfkit's Node build loads its standard fonts through a runtime `require` of its own package
// files, which a bundled Lambda (no node_modules) does not have. Its browser build takes the
// fonts as data instead: imported here, so esbuild bundles them, and registered once.
// @ts-expect-error: the browser build ships no declarations; it is typed from @types/pdfkit below.
import { PDFDocument as BundledPdfDocument, registerStdFonts } from '../../../node_modules/pdfkit/js/pdfkit.browser.mjs';
// @ts-expect-error: font data modules ship no declarations.
import Helvetica from 'pdfkit/standard-fonts/Helvetica';
// @ts-expect-error: font data modules ship no declarations.
import HelveticaBold from 'pdfkit/standard-fonts/HelveticaBold';

registerStdFonts(Helvetica, HelveticaBold);

export type PdfDocument = PDFKit.PDFDocument;
export type PdfStructureElement = PDFKit.PDFStructureElement;

export const newPdfDocument = (options: PDFKit.PDFDocumentOptions): PdfDocument => new (BundledPdfDocument as new (options: PDFKit.PDFDocumentOptions) => PdfDocument)(options);
