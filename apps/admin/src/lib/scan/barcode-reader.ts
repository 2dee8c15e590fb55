/** The symbologies on retail goods and shelf labels. */
const FORMATS = ["ean_13", "ean_8", "upc_a", "upc_e", "code_128", "code_39", "qr_code"];

export interface Detector {
  /** The codes visible in the video's current frame. */
  detect(video: HTMLVideoElement): Promise<string[]>;
}

interface NativeDetector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
interface NativeDetectorClass {
  new (options: { formats: string[] }): NativeDetector;
  getSupportedFormats(): Promise<string[]>;
}

let detector: Promise<Detector> | null = null;

/**
 * The browser's own BarcodeDetector where it exists (Android Chrome, Safari), else the
 * `barcode-detector` package's ZXing WebAssembly reader in a worker (barcode-worker.ts).
 */
export function barcodeDetector(): Promise<Detector> {
  detector ??= (async () => {
    const native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
    const supported = native ? await native.getSupportedFormats() : [];
    const formats = FORMATS.filter((format) => supported.includes(format));
    if (native && formats.length > 0) {
      const reader = new native({ formats });
      return { detect: async (video) => (await reader.detect(video)).map((code) => code.rawValue) };
    }
    return workerDetector();
  })();
  return detector;
}

function workerDetector(): Detector {
  const worker = new Worker(new URL("./barcode-worker.ts", import.meta.url), { type: "module", name: "barcode-worker" });
  const waiting = new Map<number, (codes: string[]) => void>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<{ id: number; codes: string[] }>) => {
    waiting.get(event.data.id)?.(event.data.codes);
    waiting.delete(event.data.id);
  };
  return {
    detect: async (video) => {
      const image = await createImageBitmap(video);
      const id = next++;
      return new Promise<string[]>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, image }, [image]);
      });
    },
  };
}
