import { BarcodeDetector, prepareZXingModule } from "barcode-detector/ponyfill";
import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url";

/**
 * The ZXing WebAssembly reader, in a worker: its .wasm is a built asset served by our server (the
 * package's default is a CDN), and only this worker's script is served with 'wasm-unsafe-eval' in its
 * CSP (apps/server/src/security-headers.ts), so the pages themselves never may compile WebAssembly.
 */
prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? new URL(wasmUrl, self.location.origin).href : prefix + path) },
  fireImmediately: true,
});

const detector = new BarcodeDetector({ formats: ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "qr_code"] });

self.onmessage = async (event: MessageEvent<{ id: number; image: ImageBitmap }>) => {
  const { id, image } = event.data;
  try {
    const codes = await detector.detect(image);
    self.postMessage({ id, codes: codes.map((code) => code.rawValue) });
  } catch (error) {
    self.postMessage({ id, codes: [], error: String(error) });
  } finally {
    image.close();
  }
};
