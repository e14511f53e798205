import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The CJK faces the PDF embeds, from npm (Google's Noto Serif SC / Noto Sans SC static TTFs, OFL-1.1): TrueType
 * outlines, which fontkit subsets to the glyphs a document uses (a one-page text PDF with all three faces is
 * ~25 KB, not the 10–15 MB of each face). Serif stands in for 宋体/仿宋 (body) and bold serif for 小标宋
 * (titles); bold sans for 黑体 (headings).
 */
export const pdfFonts = {
  body: require.resolve('@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf'),
  title: require.resolve('@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf'),
  heading: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;

export type PdfFace = keyof typeof pdfFonts;

let fontData: Record<PdfFace, Buffer> | undefined;

/**
 * The three faces' bytes, read once per process (40 MB kept): reading them from disk for every document took
 * about half of a one-page PDF's time (≈ 500 → 250 ms on this 2-core machine under load).
 */
export function pdfFontData(): Record<PdfFace, Buffer> {
  fontData ??= {
    body: readFileSync(pdfFonts.body),
    title: readFileSync(pdfFonts.title),
    heading: readFileSync(pdfFonts.heading),
  };
  return fontData;
}

/**
 * The .docx names the faces every Chinese Windows and WPS install carries instead of embedding 10 MB fonts:
 * Word substitutes its own when one is missing. East Asian text takes `eastAsia`, Latin and digits `ascii`.
 */
export const docxFonts = {
  body: { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  title: { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' },
  heading: { eastAsia: '黑体', ascii: 'Arial', hAnsi: 'Arial' },
} as const;
