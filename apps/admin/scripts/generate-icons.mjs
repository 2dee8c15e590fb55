// Writes the PWA icons (public/icons/*.png): a crate on the admin's green. Run once after changing
// the drawing: `node scripts/generate-icons.mjs`. Plain zlib PNG encoding, no image library needed.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const GREEN = [31, 111, 92];
const WHITE = [255, 255, 255];

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** maskable: full-bleed background, drawing inside the central 60 % safe zone. */
function icon(size, maskable) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const radius = maskable ? 0 : size * 0.18;
  const box = { x0: size * 0.3, x1: size * 0.7, y0: size * 0.32, y1: size * 0.68 };
  const stroke = size * 0.045;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const dx = Math.max(radius - x, x - (size - 1 - radius), 0);
      const dy = Math.max(radius - y, y - (size - 1 - radius), 0);
      const inside = dx * dx + dy * dy <= radius * radius;
      const inBox = x >= box.x0 && x <= box.x1 && y >= box.y0 && y <= box.y1;
      const edge = x < box.x0 + stroke || x > box.x1 - stroke || y < box.y0 + stroke || y > box.y1 - stroke;
      const shelf = Math.abs(y - (box.y0 + box.y1) / 2) < stroke / 2;
      const color = inBox && (edge || shelf) ? WHITE : GREEN;
      const at = y * (size * 4 + 1) + 1 + x * 4;
      raw.set([...color, inside ? 255 : 0], at);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

const dir = new URL("../public/icons/", import.meta.url);
for (const size of [192, 512]) {
  writeFileSync(new URL(`icon-${size}.png`, dir), icon(size, false));
  writeFileSync(new URL(`maskable-${size}.png`, dir), icon(size, true));
}
writeFileSync(new URL("apple-touch-icon.png", dir), icon(180, true));
