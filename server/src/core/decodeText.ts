// Bytes of a settings file → its text: the one place file bytes become a string. A byte order
// mark says UTF-16 (little or big endian) or UTF-8 and is dropped, as the editor does, so
// positions count from the first character after it; without one the bytes are UTF-8.
// (Read as UTF-8, UTF-16 was "not a text file (it contains NUL bytes)" and lost its findings.)

export type TextEncodingName = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

/** The encoding the byte order mark names (`utf8` when there is none). */
export function encodingOf(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf16be';
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf8bom';
  return 'utf8';
}

/** The text of a file's bytes, the byte order mark dropped. */
export function decodeText(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (encodingOf(bytes)) {
    case 'utf16le':
      return buffer.toString('utf16le', 2, 2 + ((buffer.length - 2) & ~1));
    case 'utf16be': {
      // Node decodes only little endian: swap each pair into a copy (the odd last byte, if any, is dropped)
      const swapped = Buffer.from(buffer.subarray(2, 2 + ((buffer.length - 2) & ~1)));
      swapped.swap16();
      return swapped.toString('utf16le');
    }
    case 'utf8bom':
      return buffer.toString('utf8', 3);
    case 'utf8':
      return buffer.toString('utf8');
  }
}

/**
 * A text as the bytes of a file in `encoding`, with the byte order mark that encoding's files
 * start with: decodeText's inverse, so a fix written back keeps the file's encoding (a UTF-16
 * file written as UTF-8 would no longer be read by the Windows tool that wrote it).
 */
export function encodeText(text: string, encoding: TextEncodingName): Buffer {
  switch (encoding) {
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be': {
      const bytes = Buffer.from(text, 'utf16le');
      bytes.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), bytes]);
    }
    case 'utf8bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf8':
      return Buffer.from(text, 'utf8');
  }
}
