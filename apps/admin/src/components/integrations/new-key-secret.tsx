import { useState } from "react";

/** The new key's secret, once: a copy button and the warning that it will not be shown again. */
export function NewKeySecret({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure origin, a refused permission): the text stays selectable.
      setCopied("failed");
    }
  };
  return (
    <div className="new-key-secret" role="status" aria-live="polite">
      <h3>Key “{name}” created</h3>
      <p>
        <strong>Copy the secret now: you will not see it again.</strong> Only a fingerprint of it is kept, so nobody can show it to you later; if it is lost,
        revoke the key and create a new one.
      </p>
      <div className="secret-row">
        <code className="secret" data-testid="api-key-secret">
          {secret}
        </code>
        <button type="button" className="button" onClick={copy}>
          {copied === "yes" ? "Copied" : "Copy"}
        </button>
      </div>
      {copied === "failed" ? <p className="field-hint">Copying is not allowed here: select the text and copy it.</p> : null}
      <p className="field-hint">
        Send it as <code>Authorization: Bearer &lt;secret&gt;</code>.{" "}
        <button type="button" className="button button-secondary button-small" onClick={onDone}>
          I have stored it
        </button>
      </p>
    </div>
  );
}
