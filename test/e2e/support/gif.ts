// The README's animated picture: screenshots taken during an end-to-end flow, halved
// (a 2×2 average) and written as a looping GIF with one palette per frame.
import { PNG } from 'pngjs';
import { applyPalette, GIFEncoder, quantize } from 'gifenc';

export interface Frame {
  png: Buffer;
  /** how long the frame shows, in ms */
  delay: number;
}

function halve(png: PNG): { data: Uint8Array; width: number; height: number } {
  const width = Math.floor(png.width / 2);
  const height = Math.floor(png.height / 2);
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      for (let c = 0; c < 4; c++) {
        const at = (dx: number, dy: number) => png.data[((y * 2 + dy) * png.width + (x * 2 + dx)) * 4 + c];
        data[(y * width + x) * 4 + c] = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1) + 2) >> 2;
      }
    }
  }
  return { data, width, height };
}

export function encodeGif(frames: Frame[]): Buffer {
  const gif = GIFEncoder();
  for (const frame of frames) {
    const { data, width, height } = halve(PNG.sync.read(frame.png));
    const palette = quantize(data, 256);
    gif.writeFrame(applyPalette(data, palette), width, height, { palette, delay: frame.delay, repeat: 0 });
  }
  gif.finish();
  return Buffer.from(gif.bytes());
}
