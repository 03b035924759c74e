// A tiny but valid PMTiles v3 archive, built in memory, that browser tests can serve as
// an offline basemap. It follows the Protomaps basemap layer layout ("earth", "water",
// "places") and holds one vector tile per zoom: the one containing `center` (by default
// Tân Trào, Tuyên Quang). No dependencies: the protobuf and PMTiles encoders are below.
// Spec: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md
// MVT:  https://github.com/mapbox/vector-tile-spec/tree/master/2.1
import { Buffer } from 'node:buffer';

const EXTENT = 4096;
const HEADER_BYTES = 127;

// ---------- protobuf primitives ----------

// Unsigned LEB128 varint: 7 bits a byte, high bit set on all but the last. Arithmetic
// rather than bit operators so that values beyond 2^31 (PMTiles offsets) stay exact.
function varint(n) {
  const out = [];
  while (n >= 0x80) { out.push((n % 0x80) | 0x80); n = Math.floor(n / 0x80); }
  out.push(n);
  return out;
}

// Zigzag maps signed to unsigned so small negatives stay short: 0,-1,1,-2 -> 0,1,2,3.
const zigzag = (n) => (n < 0 ? -2 * n - 1 : 2 * n);

// A field key is (field number << 3) | wire type; 0 = varint, 1 = 64-bit, 2 = length-delimited.
const key = (field, wire) => varint(field * 8 + wire);
const varintField = (field, n) => [...key(field, 0), ...varint(n)];
const bytesField = (field, bytes) => [...key(field, 2), ...varint(bytes.length), ...bytes];
const stringField = (field, s) => bytesField(field, [...Buffer.from(s, 'utf8')]);
const packedField = (field, values) => bytesField(field, values.flatMap(varint));

// ---------- Mapbox Vector Tile v2 ----------

// Geometry is a stream of commands, each (count << 3) | id with id MoveTo=1, LineTo=2,
// ClosePath=7, followed by zigzagged (dx, dy) deltas from the previous cursor position.
const command = (id, count) => (count << 3) | id;

function geometry(rings, type) {
  const out = [];
  let cx = 0, cy = 0;
  const move = ([x, y]) => { out.push(zigzag(x - cx), zigzag(y - cy)); cx = x; cy = y; };
  for (const ring of rings) {
    out.push(command(1, 1)); move(ring[0]);
    if (type === 'point') continue;
    out.push(command(2, ring.length - 1)); ring.slice(1).forEach(move);
    out.push(command(7, 1));
  }
  return out;
}

// A Value message: strings in field 1, doubles in 3 (64-bit), integers as sint64 in 6, bools in 7.
function value(v) {
  if (typeof v === 'string') return stringField(1, v);
  if (typeof v === 'boolean') return varintField(7, v ? 1 : 0);
  if (Number.isInteger(v)) return varintField(6, zigzag(v));
  const b = Buffer.alloc(8); b.writeDoubleLE(v);
  return [...key(3, 1), ...b];
}

// A layer holds its features plus shared key and value tables; a feature's tags are
// alternating indexes into them. Feature type: 1 = point, 3 = polygon.
function layer(name, features) {
  const keys = [], values = [];
  const index = (table, v) => { let i = table.indexOf(v); if (i < 0) i = table.push(v) - 1; return i; };
  const encoded = features.map((f, i) => {
    const tags = Object.entries(f.properties).flatMap(([k, v]) => [index(keys, k), index(values, v)]);
    return bytesField(2, [
      ...varintField(1, i + 1), ...packedField(2, tags),
      ...varintField(3, f.type === 'point' ? 1 : 3), ...packedField(4, geometry(f.rings, f.type)),
    ]);
  });
  return [
    ...varintField(15, 2), ...stringField(1, name), ...encoded.flat(),
    ...keys.flatMap((k) => stringField(3, k)), ...values.flatMap((v) => bytesField(4, value(v))),
    ...varintField(5, EXTENT),
  ];
}

// Exterior rings wind clockwise on screen (y grows down), i.e. positive shoelace area.
const square = (x, y, size) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size]];

// One tile: earth over everything, a small lake beside the place, and the place itself.
function tile([px, py]) {
  const lake = 384;
  const clamp = (v) => Math.max(0, Math.min(EXTENT - lake, v));
  const layers = [
    layer('earth', [{ type: 'polygon', rings: [square(0, 0, EXTENT)], properties: { kind: 'earth' } }]),
    layer('water', [{ type: 'polygon', rings: [square(clamp(px + 128), clamp(py + 128), lake)], properties: { kind: 'water' } }]),
    layer('places', [{
      type: 'point', rings: [[[px, py]]],
      properties: { kind: 'locality', name: 'Tân Trào', 'name:vi': 'Tân Trào', min_zoom: 0, population_rank: 10 },
    }]),
  ];
  return Buffer.from(layers.flatMap((l) => bytesField(3, l)));
}

// ---------- tile addressing ----------

// Web-mercator position of lon/lat as fractions of the world, (0,0) at the north-west.
function mercator([lon, lat]) {
  const s = Math.sin((lat * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
}

const tileLon = (x, z) => (x / 2 ** z) * 360 - 180;
const tileLat = (y, z) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

// PMTiles tile IDs count all tiles of lower zooms ((4^z - 1) / 3), then the position of
// (x, y) along the Hilbert curve of zoom z.
export function zxyToTileId(z, x, y) {
  let d = 0;
  for (let s = 2 ** z / 2; s >= 1; s /= 2) {
    const rx = x & s ? 1 : 0, ry = y & s ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {                       // rotate the quadrant so the curve stays continuous
      if (rx === 1) { x = s - 1 - (x % s); y = s - 1 - (y % s); }
      [x, y] = [y, x];
    }
  }
  return (4 ** z - 1) / 3 + d;
}

// ---------- PMTiles v3 ----------

// A directory is columnar: entry count, then tile IDs as deltas, run lengths, byte
// lengths, and offsets (0 = right after the previous entry's bytes, otherwise offset + 1).
function directory(entries) {
  const out = varint(entries.length);
  entries.forEach((e, i) => out.push(...varint(e.tileId - (i ? entries[i - 1].tileId : 0))));
  entries.forEach((e) => out.push(...varint(e.runLength)));
  entries.forEach((e) => out.push(...varint(e.length)));
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    out.push(...varint(prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1));
  });
  return Buffer.from(out);
}

// The fixed 127-byte header: magic, version, section offsets and lengths (uint64 LE),
// tile counts, flags, zoom range, and bounds and centre as int32 degrees * 1e7.
function header(h) {
  const b = Buffer.alloc(HEADER_BYTES);
  b.write('PMTiles', 0, 'latin1');
  b.writeUInt8(3, 7);
  const u64 = [h.rootOffset, h.rootLength, h.metaOffset, h.metaLength, h.leafOffset, 0,
    h.dataOffset, h.dataLength, h.tiles, h.tiles, h.tiles];
  u64.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 8 + 8 * i));
  [1, 1, 1, 1, h.minZoom, h.maxZoom].forEach((v, i) => b.writeUInt8(v, 96 + i)); // clustered, no compression, MVT
  const e7 = (deg) => Math.round(deg * 1e7);
  h.bounds.forEach((v, i) => b.writeInt32LE(e7(v), 102 + 4 * i));
  b.writeUInt8(h.maxZoom, 118);
  b.writeInt32LE(e7(h.center[0]), 119);
  b.writeInt32LE(e7(h.center[1]), 123);
  return b;
}

// The vector_layers metadata that TileJSON consumers (MapLibre) read.
function metadata(minZoom, maxZoom) {
  const fields = { earth: { kind: 'String' }, water: { kind: 'String' },
    places: { kind: 'String', name: 'String', 'name:vi': 'String', min_zoom: 'Number', population_rank: 'Number' } };
  return {
    name: 'antq test basemap', description: 'Offline fixture in the Protomaps basemap v4 layout',
    attribution: '© OpenStreetMap contributors (test fixture)', type: 'baselayer', version: '4.0.0',
    vector_layers: Object.entries(fields).map(([id, f]) => ({ id, fields: f, minzoom: minZoom, maxzoom: maxZoom })),
  };
}

// The tiles written: for each zoom, the one containing `center`, with the centre's position in it.
export function tilesFor({ minZoom = 0, maxZoom = 2, center = [105.45, 21.8] } = {}) {
  const [mx, my] = mercator(center);
  const out = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const n = 2 ** z, x = Math.floor(mx * n), y = Math.floor(my * n);
    out.push({ z, x, y, point: [Math.round((mx * n - x) * EXTENT), Math.round((my * n - y) * EXTENT)] });
  }
  return out;
}

// Layout: header | root directory | metadata | (no leaf directories) | tile data, with
// tile data and directory entries in tile ID order ("clustered").
export function buildPmtiles({ minZoom = 0, maxZoom = 2, center = [105.45, 21.8] } = {}) {
  const tiles = tilesFor({ minZoom, maxZoom, center })
    .map((t) => ({ ...t, tileId: zxyToTileId(t.z, t.x, t.y), bytes: tile(t.point) }))
    .sort((a, b) => a.tileId - b.tileId);
  let offset = 0;
  const entries = tiles.map((t) => {
    const e = { tileId: t.tileId, offset, length: t.bytes.length, runLength: 1 };
    offset += t.bytes.length;
    return e;
  });
  const root = directory(entries);
  const meta = Buffer.from(JSON.stringify(metadata(minZoom, maxZoom)), 'utf8');
  const data = Buffer.concat(tiles.map((t) => t.bytes));
  // Bounds: the deepest tile (slightly inset), so viewers ask for no tile that is absent.
  const { z, x, y } = tiles.find((t) => t.z === maxZoom), inset = 1e-6;
  const bounds = [tileLon(x, z) + inset, tileLat(y + 1, z) + inset, tileLon(x + 1, z) - inset, tileLat(y, z) - inset];
  const rootOffset = HEADER_BYTES, metaOffset = rootOffset + root.length, dataOffset = metaOffset + meta.length;
  const head = header({
    rootOffset, rootLength: root.length, metaOffset, metaLength: meta.length, leafOffset: dataOffset,
    dataOffset, dataLength: data.length, tiles: tiles.length, minZoom, maxZoom, bounds, center,
  });
  return Buffer.concat([head, root, meta, data]);
}
