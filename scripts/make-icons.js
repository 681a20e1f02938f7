#!/usr/bin/env node
/**
 * Draws the add-in's ribbon and app icons as PNGs into assets/ (no dependencies: shapes are
 * rasterised with 4×4 supersampling and encoded with zlib). Run once after changing a design:
 *   node scripts/make-icons.js
 * The PNGs are committed; the manifest refers to assets/<name>-<size>.png.
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const OUT = path.resolve(__dirname, '..', 'assets');

/* ------------------------------------------------------------------ PNG encoding */

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** RGBA pixels (Uint8Array, width*height*4) → PNG bytes (deterministic). */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/* ------------------------------------------------------------------ shapes (unit square 0..1) */

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255];

function roundRect(x0, y0, x1, y1, r, color) {
  return {
    color,
    hit(x, y) {
      if (x < x0 || x > x1 || y < y0 || y > y1) return false;
      const cx = Math.min(Math.max(x, x0 + r), x1 - r);
      const cy = Math.min(Math.max(y, y0 + r), y1 - r);
      return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    },
  };
}

const rect = (x0, y0, x1, y1, color) => roundRect(x0, y0, x1, y1, 0, color);

function circle(cx, cy, r, color) {
  return { color, hit: (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r };
}

/** a thick polyline (round joins) */
function stroke(points, width, color) {
  const h = width / 2;
  return {
    color,
    hit(x, y) {
      for (let i = 0; i + 1 < points.length; i++) {
        const [ax, ay] = points[i];
        const [bx, by] = points[i + 1];
        const dx = bx - ax;
        const dy = by - ay;
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        if ((x - ax - t * dx) ** 2 + (y - ay - t * dy) ** 2 <= h * h) return true;
      }
      return false;
    },
  };
}

function polygon(points, color) {
  return {
    color,
    hit(x, y) {
      let inside = false;
      for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
        const [xi, yi] = points[i];
        const [xj, yj] = points[j];
        if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
      }
      return inside;
    },
  };
}

/** later shapes paint over earlier ones; 4×4 samples per pixel */
function render(size, shapes) {
  const px = new Uint8Array(size * size * 4);
  const S = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const u = (x + (sx + 0.5) / S) / size;
          const v = (y + (sy + 0.5) / S) / size;
          let c = null;
          for (const s of shapes) if (s.hit(u, v)) c = s.color;
          if (c) {
            const a = c[3] / 255;
            acc[0] += c[0] * a;
            acc[1] += c[1] * a;
            acc[2] += c[2] * a;
            acc[3] += a;
          }
        }
      }
      const i = (y * size + x) * 4;
      const n = S * S;
      const alpha = acc[3] / n;
      px[i] = alpha ? Math.round(acc[0] / acc[3]) : 0;
      px[i + 1] = alpha ? Math.round(acc[1] / acc[3]) : 0;
      px[i + 2] = alpha ? Math.round(acc[2] / acc[3]) : 0;
      px[i + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

/* ------------------------------------------------------------------ designs */

const RED = hex('#C8102E');
const WHITE = hex('#FFFFFF');
const INK = hex('#44546A');
const GRID = hex('#8497B0');
const HEADER = hex('#D9E1F2');
const GREEN = hex('#107C41');
const PAPER = hex('#FAFAFA');

/** a small table: frame, header row, grid lines */
function table(x0, y0, x1, y1, line) {
  const rows = 3;
  const cols = 3;
  const shapes = [rect(x0, y0, x1, y1, WHITE), rect(x0, y0, x1, y0 + (y1 - y0) / (rows + 1), HEADER)];
  for (let i = 0; i <= rows + 1; i++) {
    const y = y0 + ((y1 - y0) * i) / (rows + 1);
    shapes.push(rect(x0, y - line / 2, x1, y + line / 2, i === 0 || i === rows + 1 ? INK : GRID));
  }
  for (let j = 0; j <= cols; j++) {
    const x = x0 + ((x1 - x0) * j) / cols;
    shapes.push(rect(x - line / 2, y0, x + line / 2, y1, j === 0 || j === cols ? INK : GRID));
  }
  return shapes;
}

const DESIGNS = {
  // the add-in: a red seal-like tile with a white table (年报 = statistical tables)
  icon: (line) => [
    roundRect(0.04, 0.04, 0.96, 0.96, 0.16, RED),
    rect(0.2, 0.24, 0.8, 0.3, WHITE),
    ...[0.44, 0.6, 0.76].map((y) => rect(0.2, y - line / 2, 0.8, y + line / 2, WHITE)),
    ...[0.2, 0.4, 0.6, 0.8].map((x) => rect(x - line / 2, 0.44, x + line / 2, 0.76, WHITE)),
  ],
  // 插入表格: a table with a green plus badge
  insert: (line) => [
    ...table(0.06, 0.1, 0.8, 0.78, line),
    circle(0.71, 0.71, 0.28, GREEN),
    rect(0.55, 0.66, 0.87, 0.76, WHITE),
    rect(0.66, 0.55, 0.76, 0.87, WHITE),
  ],
  // 一键校验: a table with a check mark
  check: (line) => [
    ...table(0.06, 0.1, 0.8, 0.78, line),
    circle(0.72, 0.72, 0.26, WHITE),
    stroke(
      [
        [0.52, 0.72],
        [0.66, 0.86],
        [0.92, 0.56],
      ],
      0.13,
      GREEN,
    ),
  ],
  // 生成报告: a page with a red title line and text lines
  report: (line) => [
    polygon(
      [
        [0.16, 0.04],
        [0.64, 0.04],
        [0.86, 0.26],
        [0.86, 0.96],
        [0.16, 0.96],
      ],
      INK,
    ),
    polygon(
      [
        [0.16 + line, 0.04 + line],
        [0.64 - line / 2, 0.04 + line],
        [0.86 - line, 0.26 + line / 2],
        [0.86 - line, 0.96 - line],
        [0.16 + line, 0.96 - line],
      ],
      PAPER,
    ),
    polygon(
      [
        [0.62, 0.04],
        [0.86, 0.28],
        [0.62, 0.28],
      ],
      GRID,
    ),
    rect(0.28, 0.36, 0.74, 0.44, RED),
    rect(0.28, 0.54, 0.74, 0.54 + line * 1.2, GRID),
    rect(0.28, 0.66, 0.74, 0.66 + line * 1.2, GRID),
    rect(0.28, 0.78, 0.6, 0.78 + line * 1.2, GRID),
  ],
};

/** line width in unit coordinates: about one pixel at 16 px, thinner relative lines when larger */
const lineFor = (size) => Math.max(1.2 / size, 0.045 - size * 0.0002);

function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const written = [];
  for (const [name, design] of Object.entries(DESIGNS)) {
    const sizes = name === 'icon' ? [16, 32, 64, 80] : [16, 32, 80];
    for (const size of sizes) {
      const file = path.join(OUT, `${name}-${size}.png`);
      fs.writeFileSync(file, encodePng(size, size, render(size, design(lineFor(size)))));
      written.push(path.relative(process.cwd(), file));
    }
  }
  process.stdout.write(`${written.join('\n')}\n`);
}

if (require.main === module) main();
module.exports = { encodePng, render, DESIGNS };
