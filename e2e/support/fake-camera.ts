import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import bwipjs from "bwip-js/node";

const WIDTH = 640;
const HEIGHT = 480;
const MODULE_PX = 4;
const FRAMES = 5;

/**
 * Writes a video of a printed EAN-13 for Chromium's fake camera (`--use-file-for-fake-video-capture`):
 * bwip-js encodes the code into bar and space widths, drawn black on white into the luma plane of a
 * YUV4MPEG2 4:2:0 file (a few identical frames; Chromium loops it). Returns the file's path.
 */
export function writeBarcodeVideo(code: string): string {
  const [symbol] = bwipjs.raw({ bcid: "ean13", text: code }) as { sbs: number[] }[];
  if (!symbol) throw new Error(`bwip-js could not encode ${code}`);
  const modules: boolean[] = symbol.sbs.flatMap((width, i) => Array<boolean>(width).fill(i % 2 === 0));
  const left = Math.floor((WIDTH - modules.length * MODULE_PX) / 2);
  const luma = Buffer.alloc(WIDTH * HEIGHT, 235); // white, in video (limited) range
  for (let y = 140; y < 340; y++)
    for (const [m, isBar] of modules.entries()) if (isBar) luma.fill(16, y * WIDTH + left + m * MODULE_PX, y * WIDTH + left + (m + 1) * MODULE_PX);
  const chroma = Buffer.alloc((WIDTH / 2) * (HEIGHT / 2) * 2, 128); // no colour: U and V planes at neutral
  const frame = Buffer.concat([Buffer.from("FRAME\n"), luma, chroma]);
  const file = path.join(os.tmpdir(), `stockroom-barcode-${code}-${process.pid}.y4m`);
  const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array<Buffer>(FRAMES).fill(frame)]));
  return file;
}

/** Launch arguments for a Chromium whose camera shows `file`, with camera permission granted. */
export function fakeCameraArgs(file: string): string[] {
  return ["--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream", `--use-file-for-fake-video-capture=${file}`];
}
