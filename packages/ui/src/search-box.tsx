import { useEffect, useId, useRef, useState } from "react";

interface SearchBoxProps {
  label: string;
  placeholder?: string;
  /** The committed value (from the URL). */
  value: string;
  /** Called with the typed value once typing pauses. */
  onSearch: (value: string) => void;
  delayMs?: number;
}

/** A search input that reports its value after a pause, so each keystroke does not hit the server. */
export function SearchBox({ label, placeholder, value, onSearch, delayMs = 300 }: SearchBoxProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const lastSent = useRef(value);

  // Follow the URL when it changes from elsewhere (back button, links), not when it echoes our own search.
  useEffect(() => {
    if (value !== lastSent.current) {
      lastSent.current = value;
      setText(value);
    }
  }, [value]);

  useEffect(() => {
    if (text === lastSent.current) return;
    const timer = setTimeout(() => {
      lastSent.current = text;
      onSearch(text);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs, onSearch]);

  return (
    <div className="search-box">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true">
        <path d="M8.5 3a5.5 5.5 0 1 0 3.4 9.8l3.6 3.7 1.1-1.1-3.7-3.6A5.5 5.5 0 0 0 8.5 3Zm0 1.5a4 4 0 1 1 0 8 4 4 0 0 1 0-8Z" />
      </svg>
      <input id={id} type="search" placeholder={placeholder} value={text} onChange={(event) => setText(event.target.value)} autoComplete="off" />
    </div>
  );
}
