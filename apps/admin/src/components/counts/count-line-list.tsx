import type { ReactNode } from "react";
import { formatCount, formatDay } from "../../lib/format.ts";
import { CountEntryPanel } from "./count-entry-panel.tsx";
import type { CountDetail, CountLine } from "./count-scope.ts";

function matches(line: CountLine, text: string): boolean {
  const t = text.trim().toLowerCase();
  if (!t) return true;
  return [line.productName, line.sku, line.lotNumber, line.barcode ?? ""].some((value) => value.toLowerCase().includes(t));
}

/**
 * The lines of a count, grouped by location, each a large button: tap it to enter what was found.
 * Shows entries and the total counted (plus what waits on this device), and the expected quantity
 * unless the count is blind for this person.
 */
export function CountLineList({
  count,
  filter,
  pending,
  openLotId,
  onOpen,
  onDone,
}: {
  count: CountDetail;
  filter: string;
  pending: Map<string, number>;
  openLotId: string | null;
  onOpen: (lotId: string | null) => void;
  onDone: (message: string) => void;
}) {
  const lines = count.lines.filter((line) => matches(line, filter));
  const groups = Map.groupBy(lines, (line) => line.locationName);
  if (lines.length === 0) return <p className="empty-title">No lot in this count matches “{filter}”.</p>;
  return (
    <div className="count-groups">
      {[...groups].map(([location, group]) => (
        <section key={location} className="count-group" aria-label={location}>
          <h2 className="count-group-title">
            {location} <span className="muted small">{group.length} lots</span>
          </h2>
          <ul className="count-lines">
            {group.map((line) => (
              <CountLineItem
                key={line.lineId}
                line={line}
                waiting={pending.get(line.lotId) ?? 0}
                isOpen={openLotId === line.lotId}
                canEnter={count.status === "COUNTING"}
                onToggle={() => onOpen(openLotId === line.lotId ? null : line.lotId)}
                entry={<CountEntryPanel sessionId={count.id} line={line} onDone={onDone} />}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function CountLineItem(props: { line: CountLine; waiting: number; isOpen: boolean; canEnter: boolean; onToggle: () => void; entry: ReactNode }) {
  const { line, waiting, isOpen, canEnter, onToggle, entry } = props;
  const state = line.counted === null ? "uncounted" : line.needsRecount ? "recount" : "counted";
  return (
    <li className={`count-line count-line-${state}`} data-lot={line.lotNumber} data-counted={line.counted ?? ""}>
      <button type="button" className="count-line-button" aria-expanded={isOpen} onClick={onToggle} disabled={!canEnter}>
        <span className="count-line-name">
          <strong>{line.productName}</strong>
          <span className="muted small">
            {line.sku} · lot {line.lotNumber}
            {line.expiryDate ? ` · use by ${formatDay(line.expiryDate)}` : ""}
            {line.recountRequested && line.counted === null ? " · recount asked" : ""}
          </span>
        </span>
        <span className="count-line-numbers">
          <span className="count-counted" data-testid="counted">
            {line.counted === null ? "—" : formatCount(line.counted)}
          </span>
          {line.expectedOnHand === null ? null : <span className="muted small">of {formatCount(line.systemAtCount ?? line.expectedOnHand)} expected</span>}
          <span className="muted small">
            {line.entries === 1 ? "1 entry" : `${line.entries} entries`}
            {waiting ? ` · ${waiting > 0 ? "+" : ""}${formatCount(waiting)} waiting` : ""}
          </span>
        </span>
      </button>
      {isOpen ? entry : null}
    </li>
  );
}
