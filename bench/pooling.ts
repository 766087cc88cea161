/**
 * Pooling with no network: how many QR codes carry a participant's 20
 * contributions and 10 dots (the sample of src/model/workshops/pooling), and
 * how large they are. Deterministic: no browser needed.
 */
import QRCode from 'qrcode';
import { assemblePool, encodePool, poolMessage, readPart } from '../src/model/workshops/pooling/codec.ts';
import { dotsUsed } from '../src/model/workshops/dots.ts';
import { samplePool } from '../src/model/workshops/pooling/sample-pool.ts';

export const POOLING_BUDGET_CODES = 2;

export function measurePooling() {
  const pool = samplePool();
  const json = JSON.stringify(pool);
  const parts = encodePool(pool);
  const started = performance.now();
  for (let i = 0; i < 20; i++) assemblePool(encodePool(pool).map(readPart), pool.workshopId);
  const roundTripMs = (performance.now() - started) / 20;
  return {
    contributions: pool.contributions.length,
    dots: pool.dots.reduce((sum, doc) => sum + dotsUsed(doc.dots), 0),
    jsonBytes: Buffer.byteLength(json),
    compressedBytes: poolMessage(pool).length,
    codes: parts.length,
    charsPerCode: parts.map((part) => part.length),
    qrVersions: parts.map((part) => QRCode.create(part, { errorCorrectionLevel: 'L' }).version),
    roundTripMs: Number(roundTripMs.toFixed(2)),
  };
}

export function describePooling(result: ReturnType<typeof measurePooling>): string {
  return `Mise en commun sans réseau : ${result.contributions} contributions et ${result.dots} gommettes (${result.jsonBytes} octets en JSON, ${result.compressedBytes} compressés) → ${result.codes} QR code(s) de ${result.charsPerCode.join(' et ')} caractères (version ${result.qrVersions.join(' et ')}, correction L) ; codage et décodage ${result.roundTripMs} ms (budget ${POOLING_BUDGET_CODES} codes${result.codes <= POOLING_BUDGET_CODES ? ', respecté' : ', DÉPASSÉ'})`;
}
