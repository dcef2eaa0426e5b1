// Reads a downloaded PDF as a screen reader would: its text, whether it is tagged, and the
// structure (headings, paragraphs, figures with their descriptions) in reading order.
import { readFile } from 'node:fs/promises';

export interface ReadPdf {
  text: string;
  tagged: boolean;
  language: string | null;
  roles: string[];
  figures: string[];
}

interface StructNode {
  role?: string;
  alt?: string;
  children?: StructNode[];
}

export async function readPdf(path: string): Promise<ReadPdf> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const data = new Uint8Array(await readFile(path));
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, useSystemFonts: false }).promise;
  const lines: string[] = [];
  const roles: string[] = [];
  const figures: string[] = [];
  const walk = (node: StructNode | null) => {
    if (!node) return;
    if (node.role) roles.push(node.role);
    if (node.role === 'Figure') figures.push(node.alt ?? '');
    node.children?.forEach(walk);
  };
  for (let number = 1; number <= doc.numPages; number++) {
    const page = await doc.getPage(number);
    const content = await page.getTextContent();
    for (const item of content.items) {
      if ('str' in item) lines.push(item.str);
    }
    walk((await page.getStructTree()) as StructNode | null);
  }
  const markInfo = await doc.getMarkInfo();
  const { info } = (await doc.getMetadata()) as { info: { Language?: string } };
  const catalogLanguage = info.Language ?? null;
  await doc.destroy();
  return { text: lines.join('\n'), tagged: markInfo?.Marked === true, language: catalogLanguage, roles, figures };
}
