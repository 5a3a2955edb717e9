#!/usr/bin/env node
// Draws the app's icons (a yellow star on the app's red) as PNG files into apps/web/public/icons/, with nothing but
// Node: a rasteriser with 4×4 supersampling and a PNG encoder (zlib). Run it again after changing a colour or size:
//   node apps/web/scripts/make-icons.mjs
// The output is deterministic (no timestamps), so an unchanged run leaves the files byte-identical.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
const RED = [0xb7, 0x1c, 0x1c];
const YELLOW = [0xff, 0xd6, 0x00];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const png = (size, rgba) => {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

const starPolygon = (cx, cy, outer) => {
  const inner = outer * 0.382;
  return Array.from({ length: 10 }, (_, i) => {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? outer : inner;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
};
const inside = (poly, x, y) => {
  let hit = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
};
const inRoundedSquare = (size, radius, x, y) => {
  const cx = Math.min(Math.max(x, radius), size - radius);
  const cy = Math.min(Math.max(y, radius), size - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
};

/** One icon: `star` is the star's outer radius as a share of the size; `corner` the background's corner radius (0: full bleed). */
const draw = (size, star, corner) => {
  const poly = starPolygon(size / 2, size * 0.52, size * star);
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = x + (sx + 0.5) / S;
          const py = y + (sy + 0.5) / S;
          if (corner === 0 || inRoundedSquare(size, size * corner, px, py)) {
            bg += 1;
            if (inside(poly, px, py)) fg += 1;
          }
        }
      }
      const o = (y * size + x) * 4;
      const share = bg > 0 ? fg / bg : 0;
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(RED[c] * (1 - share) + YELLOW[c] * share);
      rgba[o + 3] = Math.round((255 * bg) / (S * S));
    }
  }
  return png(size, rgba);
};

mkdirSync(OUT, { recursive: true });
const icons = [
  ['icon-192.png', 192, 0.36, 0.18],
  ['icon-512.png', 512, 0.36, 0.18],
  // maskable: full-bleed background, the star inside the central 80% safe zone the launcher may crop to
  ['icon-maskable-512.png', 512, 0.26, 0],
  ['apple-touch-icon-180.png', 180, 0.32, 0],
];
for (const [name, size, star, corner] of icons) {
  writeFileSync(join(OUT, name), draw(size, star, corner));
  console.log(`wrote ${name} (${size}×${size})`);
}
