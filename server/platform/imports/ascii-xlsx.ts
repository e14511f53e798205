import { PassThrough, type Readable } from 'node:stream';
import { Unzip, UnzipInflate, Zip, ZipDeflate } from 'fflate';

/**
 * exceljs' streaming reader turns each chunk of a worksheet's XML into text on its own (utils/parse-sax.js,
 * `bufferToString(chunk)`), so a Chinese character whose three UTF-8 bytes straddle two chunks becomes "���":
 * 2 rows in 100,000 of a Chinese registry came out damaged. This re-zips the file on the way in with every
 * non-ASCII character of its XML written as a character reference (是 → &#26159;), which the XML parser turns
 * back into the character; nothing multi-byte is left to split. Streamed entry by entry, so memory stays flat.
 */
export function asciiXlsx(source: Readable): Readable {
  const out = new PassThrough();
  const zip = new Zip((error, data, final) => {
    if (error) return void out.destroy(error);
    out.write(data);
    if (final) out.end();
  });
  const unzip = new Unzip((file) => {
    const entry = new ZipDeflate(file.name, { level: 1 });
    zip.add(entry);
    const xml = /\.(xml|rels|vml)$/i.test(file.name);
    const decoder = new TextDecoder('utf-8');
    const encoder = new TextEncoder();
    file.ondata = (error, data, final) => {
      if (error) return void out.destroy(error);
      if (!xml) return entry.push(data, final);
      const text = decoder.decode(data, { stream: !final });
      entry.push(encoder.encode(text.replace(/[\u0080-\u{10FFFF}]/gu, (c) => `&#${c.codePointAt(0)};`)), final);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  void (async () => {
    for await (const chunk of source) {
      unzip.push(chunk as Uint8Array);
      // Let the reader catch up before inflating more: the re-zipped file is never held whole.
      if (out.writableLength > 1024 * 1024) await new Promise((resolve) => out.once('drain', resolve));
    }
    unzip.push(new Uint8Array(0), true);
    zip.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  out.on('close', () => source.destroy());
  return out;
}
