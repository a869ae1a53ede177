import { ImportForm } from "@/components/admin/content-form/import-form";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import "../../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import and export files" };

/**
 * The admin's import and export of the content files: what `npm run content:import` and `content:export` do, which
 * refuse to run beside the app on the embedded database (the app holds its data folder).
 */
export default async function ImportExportPage() {
  const campaigner = await requireCampaigner();
  return (
    <section>
      <p>
        <a href="/admin/campaigns">← Campaigns</a>
      </p>
      <h1>Import and export files</h1>
      <section className="side-panel" aria-labelledby="export-heading">
        <h2 id="export-heading">Export</h2>
        <p>The current published campaigns, letter templates and recipients as files in the layout of templates/ (see templates/README.md).</p>
        <p>
          <a className="button" href="/api/admin/content/export" download>
            Download the content (.zip)
          </a>
        </p>
      </section>
      <section aria-labelledby="import-heading">
        <h2 id="import-heading">Import</h2>
        <p>
          Every file is checked first, as at start; if one has a problem, nothing is imported and every problem is listed. What differs from the database becomes a new
          version with you as its author; what is only in the database stays. An audience may only name recipients that are in the upload too.
        </p>
        <ImportForm canWrite={hasRole(campaigner.role, "editor")} />
      </section>
    </section>
  );
}
