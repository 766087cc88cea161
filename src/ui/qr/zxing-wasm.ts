/**
 * Where the app serves the WebAssembly QR reader (about 450 KB gzipped):
 * not in the service worker's install, but put in the offline extras cache
 * once the library is on the device, and only on browsers that need it.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export const ZXING_WASM_URL = wasmUrl;
