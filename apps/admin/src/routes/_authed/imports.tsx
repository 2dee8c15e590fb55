import { CSRF_HEADER } from "@stockroom/api/client";
import { IMPORT_COLUMNS, type ImportKindName } from "@stockroom/contracts";
import { errorMessage } from "@stockroom/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { createFileRoute, Link } from "@tanstack/react-router";
import { useState } from "react";
import { FormAlert } from "../../components/form-parts.tsx";
import { ImportProgress, type ImportReport, ImportReportView } from "../../components/import-report.tsx";
import { Section } from "../../components/section.tsx";
import { downloadText } from "../../lib/download.ts";
import { scopedProducerId } from "../../lib/producer-scope.ts";

export const Route = createFileRoute("/_authed/imports")({
  head: () => ({ meta: [{ title: "Import CSV · Stockroom Admin" }] }),
  component: ImportPage,
});

const EXAMPLES: Record<ImportKindName, string> = {
  STOCK: "SKU-1,Shop,LOT-2027-01,2027-01-31,24,1.25",
  PRODUCTS: "SKU-1,Oat milk 1 L,Dairy,2.49,1.25,10,7,true,",
};

/** The dry run: the file is streamed to the server as the request body. */
async function upload(kind: ImportKindName, file: File, producerId: string | undefined): Promise<ImportReport> {
  const query = new URLSearchParams({ kind, fileName: file.name, ...(producerId ? { producerId } : {}) });
  const response = await fetch(`/api/imports?${query}`, { method: "POST", body: file, headers: { "content-type": "text/csv", [CSRF_HEADER]: "1" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? `Upload failed (${response.status}).`);
  return body as ImportReport;
}

function ImportPage() {
  const { me, trpc } = Route.useRouteContext();
  const search = Route.useSearch();
  const producerId = scopedProducerId(me, search.producerId);
  const [kind, setKind] = useState<ImportKindName>("STOCK");
  const [file, setFile] = useState<File | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [importId, setImportId] = useState<string | null>(null);
  const dryRun = useMutation({
    mutationFn: () => upload(kind, file as File, producerId),
    onSuccess: (report) => setImportId(report.id),
  });
  const current = useQuery({
    ...trpc.imports.get.queryOptions({ importId: importId ?? "00000000-0000-0000-0000-000000000000" }),
    enabled: importId !== null,
    refetchInterval: (query) => (["QUEUED", "RUNNING"].includes(query.state.data?.status ?? "") ? 500 : false),
  });
  const run = useMutation(trpc.imports.run.mutationOptions({ onSuccess: () => void current.refetch() }));
  const report = current.data ?? dryRun.data;
  const started = report && report.status !== "VALIDATED";

  return (
    <div className="page">
      <div className="page-heading">
        <h1>Import CSV</h1>
        <p className="muted">Upload a file, check the dry run (nothing is written yet), then apply it. UTF-8, comma or semicolon separated.</p>
      </div>
      <Section title="1. Choose a file">
        <form
          className="import-form"
          onSubmit={(event) => {
            event.preventDefault();
            setImportId(null);
            run.reset();
            dryRun.mutate();
          }}
        >
          <label className="field">
            <span>What it holds</span>
            <select value={kind} onChange={(event) => setKind(event.target.value as ImportKindName)}>
              <option value="STOCK">Stock as lots (a count: sets each lot's quantity)</option>
              <option value="PRODUCTS">Products</option>
            </select>
          </label>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => downloadText(`${kind.toLowerCase()}-template.csv`, `${IMPORT_COLUMNS[kind].join(",")}\n${EXAMPLES[kind]}\n`)}
          >
            Download template
          </button>
          <label className="field">
            <span>CSV file</span>
            <input type="file" accept=".csv,text/csv" onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
          </label>
          <button type="submit" className="button" disabled={!file || dryRun.isPending}>
            {dryRun.isPending ? "Checking…" : "Check file (dry run)"}
          </button>
        </form>
        <FormAlert message={dryRun.isError ? errorMessage(dryRun.error) : null} />
      </Section>
      {report ? (
        <Section title={`2. Dry run of ${report.fileName}`}>
          <div className="import-stack">
            <ImportReportView report={report} />
            {report.message && !started ? <p className="muted">{report.message}</p> : null}
            {!started ? (
              <div className="import-apply">
                {report.invalidCount ? (
                  <label className="check">
                    <input type="checkbox" checked={skipInvalid} onChange={(event) => setSkipInvalid(event.target.checked)} /> Skip the {report.invalidCount}{" "}
                    invalid rows
                  </label>
                ) : null}
                <button
                  type="button"
                  className="button"
                  disabled={run.isPending || (report.invalidCount > 0 && !skipInvalid)}
                  onClick={() => run.mutate({ importId: report.id, skipInvalid })}
                >
                  Apply
                </button>
              </div>
            ) : null}
            {report.invalidCount > 0 && !skipInvalid && !started ? (
              <p className="muted">Fix the rows above and check the file again, or skip them: otherwise nothing is applied.</p>
            ) : null}
            <FormAlert message={run.isError ? errorMessage(run.error) : null} />
          </div>
        </Section>
      ) : null}
      {report && started ? (
        <Section title="3. Apply">
          <div className="import-stack">
            <ImportProgress report={report} />
            {report.status === "DONE" && report.kind === "STOCK" ? <Link to="/inventory">See the stock in the inventory</Link> : null}
          </div>
        </Section>
      ) : null}
    </div>
  );
}
