/** pdf.js's worker code (no types of its own): loaded as a module for pdf.js's “fake worker”. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.js';
