import { useEffect, useRef, useState } from "react";
import { barcodeDetector } from "../../lib/scan/barcode-reader.ts";

/**
 * Reads one barcode with the camera (the rear one when there is a choice), or takes the code typed
 * by hand. Calls onCode once and stops the camera.
 */
export function ScannerDialog({ title, onCode, onClose }: { title: string; onCode: (code: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState("Starting the camera…");
  const [manual, setManual] = useState("");
  const [hasCamera, setHasCamera] = useState(true);
  // The latest callback, without restarting the camera when the parent re-renders.
  const onCodeRef = useRef(onCode);
  onCodeRef.current = onCode;

  useEffect(() => {
    let stream: MediaStream | null = null;
    let isDone = false;
    const stop = () => {
      isDone = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
    (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: { ideal: "environment" } }, audio: false });
      } catch {
        setHasCamera(false);
        setStatus("No camera available: type the code instead.");
        return;
      }
      const element = video.current;
      if (!element || isDone) return stop();
      element.srcObject = stream;
      await element.play();
      const detector = await barcodeDetector();
      setStatus("Point the camera at a barcode.");
      while (!isDone) {
        const codes = element.readyState >= 2 && element.videoWidth > 0 ? await detector.detect(element) : [];
        const code = codes[0];
        if (code && !isDone) {
          stop();
          onCodeRef.current(code);
          return;
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    })();
    return stop;
  }, []);

  return (
    <div className="scanner" role="dialog" aria-modal="true" aria-label={title}>
      <div className="scanner-head">
        <h2>{title}</h2>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <video ref={video} className="scanner-video" muted playsInline aria-label="Camera" hidden={!hasCamera} />
      <p className="muted" role="status">
        {status}
      </p>
      <form
        className="scanner-manual"
        onSubmit={(event) => {
          event.preventDefault();
          if (manual.trim()) onCode(manual.trim());
        }}
      >
        <label htmlFor="manual-code">Or type the code</label>
        <div className="scanner-manual-row">
          <input id="manual-code" inputMode="numeric" autoComplete="off" value={manual} onChange={(event) => setManual(event.target.value)} />
          <button type="submit" className="button">
            Use code
          </button>
        </div>
      </form>
    </div>
  );
}
