import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import { encodePool } from '../../model/workshops/pooling/codec.ts';
import { samplePool } from '../../model/workshops/pooling/sample-pool.ts';

describe('the WebAssembly reader (browsers without BarcodeDetector)', () => {
  it('reads back both codes of the pooling sample, drawn as on a phone’s screen', async () => {
    const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
    prepareZXingModule({ overrides: { wasmBinary: new Uint8Array(wasm).buffer } });
    const parts = encodePool(samplePool());
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      // A clean picture, 3 pixels a module: this checks the codes are standard QR codes the reader decodes whole.
      const png = await QRCode.toBuffer(part, { errorCorrectionLevel: 'L', margin: 4, scale: 3 });
      const [read] = await readBarcodes(new Uint8Array(png), { formats: ['QRCode'] });
      expect(read?.text).toBe(part);
    }
  });
});
